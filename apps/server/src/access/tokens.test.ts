import { describe, expect, it } from 'vitest'
import {
  hashSecret,
  newLinkToken,
  newMemberCredential,
  parseMemberToken,
  sameSecret,
} from './tokens.js'

describe('tokens', () => {
  it('link tokens are 192-bit, URL-safe and distinct', () => {
    const tokens = new Set(Array.from({ length: 100 }, newLinkToken))
    expect(tokens.size).toBe(100)
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/)
  })

  it('a member credential parses back, and only its hash is kept', () => {
    const issued = newMemberCredential()
    const parsed = parseMemberToken(issued.token)
    expect(parsed?.memberId).toBe(issued.memberId)
    expect(hashSecret(parsed?.secret ?? '')).toBe(issued.secretHash)
    expect(issued.secretHash).not.toContain(parsed?.secret ?? '')
  })

  it('anything else is not a member credential', () => {
    for (const token of ['', 'm.', 'm.a', 'm.a.b.c', 'x.a.b', `m.${'a'.repeat(65)}.b`, 'm.a.b c']) {
      expect(parseMemberToken(token)).toBeNull()
    }
  })

  it('compares secrets of any length without throwing', () => {
    expect(sameSecret('abc', 'abc')).toBe(true)
    expect(sameSecret('abc', 'abd')).toBe(false)
    expect(sameSecret('abc', 'a-much-longer-string')).toBe(false)
  })
})

import { describe, expect, it } from 'vitest'
import { accessKeyId, newSessionCookie, sessionIdOf } from './session-cookie.js'

describe('session cookie', () => {
  it('is a random secret; the server keeps only its hash', () => {
    const cookie = newSessionCookie()
    expect(cookie.value).toMatch(/^v2\.[A-Za-z0-9_-]{43}$/)
    expect(sessionIdOf(cookie.value)).toBe(cookie.id)
    expect(cookie.id).not.toContain(cookie.value.slice(3))
    expect(newSessionCookie().value).not.toBe(cookie.value)
  })

  it('names no session when malformed, or in the old signed format', () => {
    for (const value of [
      undefined,
      '',
      'v2',
      'v2.',
      `v2.${'a'.repeat(42)}`,
      `v2.${'a'.repeat(44)}`,
      `v2.${'a'.repeat(42)}=`,
      // A v1 cookie (an HMAC of its expiry) is no longer accepted: sign in again.
      `v1.1798761600.${'a'.repeat(43)}`,
    ]) {
      expect(sessionIdOf(value)).toBeNull()
    }
  })

  it('fingerprints the key: the same for the same key, without containing it', () => {
    const key = 'a-long-enough-access-key'
    expect(accessKeyId(key)).toBe(accessKeyId(key))
    expect(accessKeyId(key)).not.toBe(accessKeyId('another-long-access-key'))
    expect(accessKeyId(key)).not.toContain(key)
  })
})

import { describe, expect, it } from 'vitest'
import { sessionSecret, signSession, verifySession } from './session-cookie.js'

const secret = sessionSecret('a-long-enough-access-key')
const now = Date.UTC(2026, 0, 1)
const day = 24 * 60 * 60 * 1000

describe('session cookie', () => {
  it('verifies until it expires, and not after', () => {
    const value = signSession(secret, now + day)
    expect(value).toMatch(/^v1\.\d+\.[A-Za-z0-9_-]{43}$/)
    expect(verifySession(secret, value, now)).toBe(true)
    expect(verifySession(secret, value, now + day - 1000)).toBe(true)
    expect(verifySession(secret, value, now + day)).toBe(false)
    expect(verifySession(secret, value, now + 2 * day)).toBe(false)
  })

  it('does not contain the key', () => {
    expect(signSession(secret, now + day)).not.toContain('a-long-enough-access-key')
  })

  it('refuses a tampered expiry or signature', () => {
    const value = signSession(secret, now + day)
    const [version, expiry, mac] = value.split('.') as [string, string, string]
    const later = `${version}.${Number(expiry) + 365 * 24 * 3600}.${mac}`
    expect(verifySession(secret, later, now)).toBe(false)
    const flipped = mac.startsWith('A') ? `B${mac.slice(1)}` : `A${mac.slice(1)}`
    expect(verifySession(secret, `${version}.${expiry}.${flipped}`, now)).toBe(false)
    expect(verifySession(secret, `v2.${expiry}.${mac}`, now)).toBe(false)
  })

  it('refuses a cookie signed for another key (changing the key ends every session)', () => {
    const other = sessionSecret('another-long-access-key')
    expect(verifySession(other, signSession(secret, now + day), now)).toBe(false)
    // Derived the same way every time: sessions survive a restart.
    expect(
      verifySession(sessionSecret('a-long-enough-access-key'), signSession(secret, now + day), now),
    ).toBe(true)
  })

  it('refuses anything malformed without throwing', () => {
    for (const value of [
      undefined,
      '',
      'v1',
      'v1..',
      'v1.abc.def',
      `v1.1.${'a'.repeat(42)}`,
      `v1.1.${'a'.repeat(44)}`,
      'a-long-enough-access-key',
    ]) {
      expect(verifySession(secret, value, now)).toBe(false)
    }
  })
})

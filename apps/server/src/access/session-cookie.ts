/**
 * The sign-in session of an instance with an access key: a cookie `v1.<expiry>.<mac>` where the
 * MAC (HMAC-SHA256) covers the version and the expiry. The key itself never leaves the sign-in
 * request; the cookie proves that someone who knew it signed in, until it expires.
 */
import { createHmac, scryptSync, timingSafeEqual } from 'node:crypto'

export const SESSION_COOKIE = 'accord_session'
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60

/**
 * The secret sessions are signed with, derived from the access key with scrypt: a captured cookie
 * does not make guessing the key cheap, sessions survive a restart, and changing the key ends
 * every session.
 */
export function sessionSecret(accessKey: string): Buffer {
  return scryptSync(accessKey, 'accord session cookie v1', 32)
}

/** A session value valid until `expiresAt` (ms since the epoch, kept to the second). */
export function signSession(secret: Buffer, expiresAt: number): string {
  const expiry = Math.floor(expiresAt / 1000)
  return `v1.${expiry}.${mac(secret, expiry)}`
}

/** Whether a cookie value was signed with `secret` and has not expired at `now` (ms). */
export function verifySession(secret: Buffer, value: string | undefined, now: number): boolean {
  const match = /^v1\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(value ?? '')
  if (!match?.[1] || !match[2]) return false
  const expiry = Number(match[1])
  const genuine = timingSafeEqual(Buffer.from(match[2]), Buffer.from(mac(secret, expiry)))
  return genuine && expiry * 1000 > now
}

function mac(secret: Buffer, expiry: number): string {
  return createHmac('sha256', secret).update(`v1.${expiry}`).digest('base64url')
}

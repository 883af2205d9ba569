/**
 * The sign-in session cookie of an instance with an access key: `v2.<secret>`, 32 random bytes.
 * The server keeps the session (`SessionRepository`) under a SHA-256 of the secret, with the
 * fingerprint of the key it was opened with — so the cookie proves nothing once the session is
 * gone: signed out, expired, or opened with a key the instance no longer has. The key itself
 * never leaves the sign-in request.
 */
import { createHash, randomBytes, scryptSync } from 'node:crypto'

export const SESSION_COOKIE = 'accord_session'
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60

const cookieFormat = /^v2\.([A-Za-z0-9_-]{43})$/

/**
 * A fingerprint of the access key, stored with each session. scrypt, so that a copy of the
 * sessions table does not make guessing the key cheap; the same key gives the same fingerprint,
 * so sessions survive a restart, and a new key matches none of them.
 */
export function accessKeyId(accessKey: string): string {
  return scryptSync(accessKey, 'accord session key id v2', 32).toString('base64url')
}

/** A fresh cookie value and the id its session is stored under. */
export function newSessionCookie(): { readonly value: string; readonly id: string } {
  const secret = randomBytes(32).toString('base64url')
  return { value: `v2.${secret}`, id: idOf(secret) }
}

/** The id of the session a cookie value names, or null when it is no session cookie at all. */
export function sessionIdOf(value: string | undefined): string | null {
  const secret = cookieFormat.exec(value ?? '')?.[1]
  return secret === undefined ? null : idOf(secret)
}

function idOf(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url')
}

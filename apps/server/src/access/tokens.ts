/**
 * The secrets that open rooms. A link token (one per role, in the share link) lets a person join;
 * joining yields a member credential `m.<memberId>.<secret>` of which only a hash is stored.
 * Every comparison is constant-time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/** 192 random bits, URL-safe. */
export function newLinkToken(): string {
  return randomBytes(24).toString('base64url')
}

export interface MemberCredential {
  readonly memberId: string
  readonly token: string
  readonly secretHash: string
}

export function newMemberCredential(): MemberCredential {
  const memberId = randomBytes(12).toString('base64url')
  const secret = randomBytes(24).toString('base64url')
  return { memberId, token: `m.${memberId}.${secret}`, secretHash: hashSecret(secret) }
}

export function parseMemberToken(token: string): { memberId: string; secret: string } | null {
  const match = /^m\.([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{1,128})$/.exec(token)
  return match?.[1] && match[2] ? { memberId: match[1], secret: match[2] } : null
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}

/** Compares two strings in time that depends only on their lengths. */
export function sameSecret(a: string, b: string): boolean {
  const left = createHash('sha256').update(a).digest()
  const right = createHash('sha256').update(b).digest()
  return timingSafeEqual(left, right)
}

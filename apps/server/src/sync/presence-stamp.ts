import type { Role } from '@accord/facilitation'

export interface StampedIdentity {
  readonly name: string
  readonly role: Role
  readonly memberId: string | null
}

/**
 * Overwrites who a presence state claims to be with what the server knows from the credential:
 * the `user` field, and the name and id inside tldraw's presence record (what cursors show).
 */
export function stampPresence(state: unknown, who: StampedIdentity): unknown {
  const base = isObject(state) ? state : {}
  const stamped: Record<string, unknown> = {
    ...base,
    user: { name: who.name, role: who.role, ...(who.memberId ? { id: who.memberId } : {}) },
  }
  if (isObject(base.presence)) {
    stamped.presence = {
      ...base.presence,
      userName: who.name,
      // tldraw user ids are `user:<id>`; a bare share-link holder keeps an anonymous one.
      userId: `user:${who.memberId ?? `${who.role}-guest`}`,
    }
  }
  return stamped
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

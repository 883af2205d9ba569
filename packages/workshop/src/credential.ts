import { ApiError } from '@accord/api'
import type { Role } from '@accord/facilitation'

/**
 * Who is asking, in one room: what the server's access layer established from a token (a
 * share-link token, or a member credential). The server's own credential carries more.
 */
export interface RoomCredential {
  readonly roomId: string
  readonly role: Role
  /** The person, once they have joined; null for a bare share-link token. */
  readonly member: { readonly id: string; readonly name: string } | null
}

/**
 * The person behind a credential. Votes, private notes and names belong to someone: a bare
 * share-link token (nobody yet) is refused with 403.
 */
export function requireMember(credential: RoomCredential): {
  readonly id: string
  readonly name: string
} {
  if (!credential.member) throw new ApiError(403, 'forbidden', 'join the room first')
  return credential.member
}

/** Resolves a token for a room to its credential, or null if it opens nothing there. */
export type CredentialResolver = (roomId: string, token: string) => Promise<RoomCredential | null>

/** The room's open sync connections, as the server keeps them (`LiveConnections`). */
export interface Connections {
  /** Disconnects every connection whose credential matches `which`; returns how many. */
  disconnect(which: (credential: RoomCredential) => boolean, code: number, reason: string): number
  /** A member renamed themselves: their presence carries the new name from now on. */
  rename(memberId: string, name: string): void
}

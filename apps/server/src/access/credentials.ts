import type { AccessRepository, RoomLink } from '@accord/db'
import { type Role, roles } from '@accord/facilitation'
import { err, ok, type Result } from '@accord/sync'
import type { RoomCredential } from '@accord/workshop'
import { hashSecret, parseMemberToken, sameSecret } from './tokens.js'

/** Who is asking, as established from a token: a room credential, and its link's generation. */
export interface Credential extends RoomCredential {
  /** The generation of the role's link this credential belongs to. */
  readonly linkGeneration: number
}

export type CredentialError = 'room-not-found' | 'unauthorized'

/**
 * Resolves a token for one room: a share-link token, or a member credential whose link has not
 * been rotated since.
 */
export async function resolveCredential(
  access: AccessRepository,
  roomId: string,
  token: string | undefined,
): Promise<Result<Credential, CredentialError>> {
  const links = await access.links(roomId)
  if (!links) return err('room-not-found')
  const credential = token ? await matchToken(access, roomId, links, token) : null
  return credential ? ok(credential) : err('unauthorized')
}

async function matchToken(
  access: AccessRepository,
  roomId: string,
  links: Record<Role, RoomLink>,
  token: string,
): Promise<Credential | null> {
  const member = parseMemberToken(token)
  if (member) {
    const record = await access.findMember(roomId, member.memberId)
    if (!record || !sameSecret(hashSecret(member.secret), record.secretHash)) return null
    const generation = links[record.role].generation
    if (record.linkGeneration !== generation) return null // joined through a rotated link
    return {
      roomId,
      role: record.role,
      member: { id: record.id, name: record.name },
      linkGeneration: generation,
    }
  }

  // Check every role, so the time taken does not tell which one (if any) matched.
  let matched: Role | null = null
  for (const role of roles) if (sameSecret(token, links[role].token)) matched = role
  return matched
    ? { roomId, role: matched, member: null, linkGeneration: links[matched].generation }
    : null
}

/** How a credential is named to others when its holder has not joined with a name. */
export function credentialName(credential: Credential): string {
  if (credential.member) return credential.member.name
  return credential.role.charAt(0).toUpperCase() + credential.role.slice(1)
}

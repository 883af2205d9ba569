/**
 * Which changes this browser may make to records: those of rooms it holds a member credential
 * for (kept by `board/room-access.ts` when it joined the board), with the role's permissions.
 * Without one, the decision log and action items are read-only.
 */
import { can, type Permission } from '@accord/facilitation'
import { loadAccess, type StoredMember } from '../board/room-access'

type KeyValueStorage = Parameters<typeof loadAccess>[0]

/** This browser's membership of `roomId`, if its role allows `permission`. */
export function credentialFor(
  storage: KeyValueStorage,
  roomId: string,
  permission: Permission,
): StoredMember | null {
  const { member } = loadAccess(storage, roomId)
  return member && can(member.role, permission) ? member : null
}

/**
 * How a browser gets onto a board: with a member credential it already holds, or with a share
 * link — joining (with a name) if needed. Pure over the API calls it is given, so every path is
 * unit-tested without a server.
 */
import type { Role } from '@accord/facilitation'
import type { ApiResult, Joined, RoomView } from '../api/rooms'
import type { RoomAccess, StoredMember } from './room-access'

export interface EntryApi {
  fetchRoom(roomId: string, token: string): Promise<ApiResult<RoomView>>
  joinRoom(roomId: string, linkToken: string, name?: string): Promise<ApiResult<Joined>>
}

export type Entry =
  | { readonly kind: 'ready'; readonly member: StoredMember; readonly room: RoomView | null }
  | { readonly kind: 'join'; readonly role: Role; readonly title: string }
  | { readonly kind: 'refused'; readonly reason: RefusalReason }

export type RefusalReason =
  /** No link for this board in this browser. */
  | 'no-link'
  /** The link no longer works (rotated) — or this browser's membership was revoked. */
  | 'link-invalid'
  | 'not-found'
  /** The board was saved by a newer board editor than this server runs (close code 4409). */
  | 'incompatible'
  /** The server cannot be reached and this browser has never joined the board. */
  | 'offline'

export interface EntryResult {
  readonly entry: Entry
  /** What to remember in this browser afterwards. */
  readonly access: RoomAccess
}

export async function enterRoom(
  roomId: string,
  access: RoomAccess,
  api: EntryApi,
): Promise<EntryResult> {
  if (access.member) {
    const room = await api.fetchRoom(roomId, access.member.token)
    if (room.ok)
      return { entry: { kind: 'ready', member: access.member, room: room.value }, access }
    // Offline: the board opens from this browser's copy and syncs when the server is back.
    if (room.status === 0)
      return { entry: { kind: 'ready', member: access.member, room: null }, access }
    if (room.status === 404) return refused('not-found', access)
    access = { ...access, member: null } // revoked: try the link again
  }
  if (!access.linkToken) return refused('no-link', access)

  const room = await api.fetchRoom(roomId, access.linkToken)
  if (!room.ok) {
    if (room.status === 404) return refused('not-found', access)
    if (room.status === 0) return refused('offline', access)
    return refused('link-invalid', { linkToken: null, member: null })
  }
  // Viewers are not shown to others, so they need no name: they enter at once.
  if (room.value.role === 'viewer') return joinRoom(roomId, access.linkToken, undefined, api)
  return { entry: { kind: 'join', role: room.value.role, title: room.value.title }, access }
}

/** Joins through the stored link with a name, and enters. */
export async function joinRoom(
  roomId: string,
  linkToken: string,
  name: string | undefined,
  api: EntryApi,
): Promise<EntryResult> {
  const joined = await api.joinRoom(roomId, linkToken, name)
  if (!joined.ok) {
    return refused(joined.status === 0 ? 'offline' : 'link-invalid', { linkToken, member: null })
  }
  const member: StoredMember = { ...joined.value.member, token: joined.value.token }
  const access = { linkToken, member }
  const room = await api.fetchRoom(roomId, member.token)
  return { entry: { kind: 'ready', member, room: room.ok ? room.value : null }, access }
}

function refused(reason: RefusalReason, access: RoomAccess): EntryResult {
  return { entry: { kind: 'refused', reason }, access }
}

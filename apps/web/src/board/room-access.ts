/**
 * This browser's keys to each room, kept in local storage: the share-link token it arrived with
 * and, once joined, its member credential. A share link carries its token in the fragment
 * (`/b/<id>#t=<token>`), which browsers never send to a server.
 */
import { isRole, type Role } from '@accord/facilitation'

export interface StoredMember {
  readonly id: string
  readonly name: string
  readonly role: Role
  readonly token: string
}

export interface RoomAccess {
  readonly linkToken: string | null
  readonly member: StoredMember | null
}

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

const key = (roomId: string) => `accord:access:${roomId}`
const NAME_KEY = 'accord:display-name'

export function linkTokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('t')
  return token && /^[A-Za-z0-9_-]{16,128}$/.test(token) ? token : null
}

export function loadAccess(storage: KeyValueStorage, roomId: string): RoomAccess {
  try {
    const parsed = JSON.parse(storage.getItem(key(roomId)) ?? '{}') as Record<string, unknown>
    return {
      linkToken: typeof parsed.linkToken === 'string' ? parsed.linkToken : null,
      member: isStoredMember(parsed.member) ? parsed.member : null,
    }
  } catch {
    return { linkToken: null, member: null }
  }
}

export function saveAccess(storage: KeyValueStorage, roomId: string, access: RoomAccess): void {
  try {
    storage.setItem(key(roomId), JSON.stringify(access))
  } catch {
    // Storage refused: this visit still works, the next one asks for the link again.
  }
}

/**
 * Arriving with a link: remember its token. A different link than before (another role, or a
 * rotated link) means joining again, so the old membership is dropped.
 */
export function arriveWithLink(access: RoomAccess, linkToken: string): RoomAccess {
  if (access.linkToken === linkToken) return access
  return { linkToken, member: null }
}

export function rememberedName(storage: Pick<Storage, 'getItem'>): string {
  return storage.getItem(NAME_KEY) ?? ''
}

export function rememberName(storage: Pick<Storage, 'setItem'>, name: string): void {
  try {
    storage.setItem(NAME_KEY, name)
  } catch {
    // A convenience only.
  }
}

function isStoredMember(value: unknown): value is StoredMember {
  const v = value as Partial<StoredMember> | null
  return (
    typeof v?.id === 'string' &&
    typeof v.name === 'string' &&
    typeof v.token === 'string' &&
    isRole(v.role)
  )
}

import { readRoomState, type Role, ROOM_STATE_MAP } from '@accord/facilitation'
import type * as Y from 'yjs'

export interface StampedIdentity {
  readonly name: string
  readonly role: Role
  readonly memberId: string | null
}

/**
 * Overwrites who a presence state claims to be with what the server knows from the credential:
 * the `user` field, and the name and id inside tldraw's presence record (what cursors show).
 *
 * In an anonymous room others still see who is there and where (name, cursor, viewport, for
 * follow and "bring everyone"), but nothing that names content: the shapes the person has
 * selected (tldraw selects a note its author has just made) and the record's free-form `meta`
 * are emptied, and any other field a client adds is dropped, since the server cannot tell
 * whether it points at a note.
 */
export function stampPresence(state: unknown, who: StampedIdentity, room: Y.Doc): unknown {
  const anonymous = isAnonymous(room)
  const base = isObject(state) ? state : {}
  const user = { name: who.name, role: who.role, ...(who.memberId ? { id: who.memberId } : {}) }
  const stamped: Record<string, unknown> = anonymous ? { user } : { ...base, user }
  if (isObject(base.presence)) {
    stamped.presence = {
      ...base.presence,
      userName: who.name,
      // tldraw user ids are `user:<id>`; a bare share-link holder keeps an anonymous one.
      userId: `user:${who.memberId ?? `${who.role}-guest`}`,
      ...(anonymous ? { selectedShapeIds: [], meta: {} } : {}),
    }
  } else if (anonymous && 'presence' in base) {
    stamped.presence = null
  }
  return stamped
}

/** Runs on every presence update: reads the one field it needs, not the whole room state. */
function isAnonymous(room: Y.Doc): boolean {
  const settings = room.getMap<unknown>(ROOM_STATE_MAP).get('settings')
  return readRoomState({ settings }).settings.anonymous
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

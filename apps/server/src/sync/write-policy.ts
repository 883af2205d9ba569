import {
  BOARD_RECORDS_MAP,
  can,
  checkLockedWrites,
  err,
  ok,
  participantLocks,
  readRoomState,
  type Result,
  type Role,
  ROOM_STATE_MAP,
} from '@accord/facilitation'
import type { RootWrite } from '@accord/sync'
import type * as Y from 'yjs'

/** Roots of a room document that only the server writes (room state, and more to come). */
export const SERVER_OWNED_PREFIX = 'accord:'

/** Why the policy refused an update, as counted on `/metrics`. */
export type WriteRefusal = 'server_owned' | 'nested_record' | 'locked'

/**
 * What a writer's connection may change in a room's document:
 * - nobody writes server-owned roots (they change through commands);
 * - board records are plain values, never nested types;
 * - participants are held to the locks (the template layout among them), and to a phase that
 *   does not allow board editing.
 * Each refusal is also reported to `onRefused` with its reason.
 */
export function boardWritePolicy(role: Role, onRefused: (reason: WriteRefusal) => void = () => {}) {
  const facilitates = can(role, 'room.facilitate')
  const refuse = (reason: WriteRefusal, message: string): Result<void> => {
    onRefused(reason)
    return err(message)
  }
  return (writes: readonly RootWrite[], doc: Y.Doc): Result<void> => {
    for (const write of writes) {
      if (write.root.startsWith(SERVER_OWNED_PREFIX)) {
        return refuse(
          'server_owned',
          `${write.root} is server-owned: it changes through commands only`,
        )
      }
      if (write.root === BOARD_RECORDS_MAP && write.nested) {
        return refuse('nested_record', 'board records are plain values')
      }
    }
    if (facilitates) return ok(undefined)

    // Runs on every participant update: read the two fields it needs, not the whole state.
    const stateMap = doc.getMap<unknown>(ROOM_STATE_MAP)
    const locks = participantLocks(
      readRoomState({ plan: stateMap.get('plan'), locks: stateMap.get('locks') }),
    )
    if (!locks.board && locks.frames.length === 0 && locks.layout.length === 0) return ok(undefined)
    const records = doc.getMap<unknown>(BOARD_RECORDS_MAP)
    const recordWrites = writes
      .filter((write) => write.root === BOARD_RECORDS_MAP && write.key !== null)
      .map((write) => ({ kind: write.kind, id: write.key ?? '', record: write.value }))
    const verdict = checkLockedWrites(recordWrites, locks, (id) => records.get(id))
    return verdict.ok ? verdict : refuse('locked', verdict.error)
  }
}

import {
  BOARD_RECORDS_MAP,
  can,
  checkLockedWrites,
  err,
  ok,
  participantLocks,
  readRoomState,
  type RecordWrite,
  type Result,
  type Role,
  ROOM_STATE_MAP,
} from '@accord/facilitation'
import type { RootWrite } from '@accord/sync'
import { boardRecordProblem } from '@accord/tldraw-yjs'
import type * as Y from 'yjs'

/** Roots of a room document that only the server writes (room state, and more to come). */
export const SERVER_OWNED_PREFIX = 'accord:'

/** Why the policy refused an update, as counted on `/metrics`. */
export type WriteRefusal =
  'server_owned' | 'not_board' | 'nested_record' | 'invalid_record' | 'locked'

export interface WritePolicyOptions {
  /** Bound on one board record's size as JSON (`ACCORD_MAX_RECORD_BYTES`). */
  readonly maxRecordBytes?: number
  /** Told the reason of each refusal, for `/metrics`. */
  readonly onRefused?: (reason: WriteRefusal) => void
}

/**
 * What a writer's connection may change in a room's document, decided from an allow-list by the
 * effect of the update (`describeWrites` describes every item it carries, whatever its content):
 *
 * - the one client-writable place is the board's records map (`tldraw:records`), one entry per
 *   record id: a set writes exactly one plain value that is a valid board record stored under
 *   its own id, a delete removes one; an entry names only the entry it replaces, as `Y.Map#set`
 *   writes it (entries naming a right neighbour may integrate differently in another order, and
 *   the stored board would differ from the served one). Everything else — the room's server-owned state
 *   (`accord:*`), tldraw's schema record (`tldraw:meta`), any other root, nested types, sequence
 *   content, text, embeds, binary, subdocuments — is refused;
 * - a note's action item (`meta.action`) is the server's: no writer may change it;
 * - participants are also held to the locks (the template layout among them), and to a phase
 *   that does not allow board editing. The facilitator is not.
 *
 * A refused update is dropped whole, and the reason reported to `onRefused`.
 */
export function boardWritePolicy(role: Role, options: WritePolicyOptions = {}) {
  const facilitates = can(role, 'room.facilitate')
  const onRefused = options.onRefused ?? (() => {})
  const refuse = (reason: WriteRefusal, message: string): Result<void> => {
    onRefused(reason)
    return err(message)
  }
  return (writes: readonly RootWrite[], doc: Y.Doc): Result<void> => {
    const recordWrites: RecordWrite[] = []
    for (const write of writes) {
      if (write.root !== BOARD_RECORDS_MAP) {
        return write.root.startsWith(SERVER_OWNED_PREFIX)
          ? refuse(
              'server_owned',
              `${write.root} is server-owned: it changes through commands only`,
            )
          : refuse('not_board', `only the board's records can be written, not ${short(write.root)}`)
      }
      if (write.nested) return refuse('nested_record', 'board records are plain values')
      if (write.key === null || write.rightOrigin) {
        return refuse('not_board', 'board records are written one per record id, as Y.Map entries')
      }
      if (write.kind === 'set') {
        if (write.opaque) return refuse('nested_record', 'board records are plain values')
        const problem = boardRecordProblem(write.key, write.value, {
          maxBytes: options.maxRecordBytes,
        })
        if (problem !== null) return refuse('invalid_record', problem)
      }
      recordWrites.push({ kind: write.kind, id: write.key, record: write.value })
    }
    const records = doc.getMap<unknown>(BOARD_RECORDS_MAP)
    // [fac:AI5] A note's action item is the server's to write (`action.set`): a change to one,
    // from anyone — the facilitator too — is refused, so the board never says what the store
    // does not.
    for (const write of recordWrites) {
      if (write.kind === 'set' && actionOf(records.get(write.id)) !== actionOf(write.record)) {
        return refuse(
          'server_owned',
          "a note's action item changes through the action.set command, not the board",
        )
      }
    }
    if (facilitates || recordWrites.length === 0) return ok(undefined)

    // Runs on every participant update: read the two fields it needs, not the whole state.
    const stateMap = doc.getMap<unknown>(ROOM_STATE_MAP)
    const locks = participantLocks(
      readRoomState({ plan: stateMap.get('plan'), locks: stateMap.get('locks') }),
    )
    if (!locks.board && locks.frames.length === 0 && locks.layout.length === 0) return ok(undefined)
    const verdict = checkLockedWrites(recordWrites, locks, (id) => records.get(id))
    return verdict.ok ? verdict : refuse('locked', verdict.error)
  }
}

/** A record's action item (`meta.action`) as canonical JSON, to compare; '' when it has none. */
function actionOf(record: unknown): string {
  const meta = (record as { meta?: { action?: unknown } } | undefined)?.meta
  return meta?.action === undefined ? '' : canonicalJson(meta.action)
}

const canonicalJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  )

function short(name: string): string {
  return JSON.stringify(name.length > 60 ? `${name.slice(0, 60)}…` : name)
}

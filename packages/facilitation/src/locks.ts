/**
 * What the facilitator has locked: the whole board, or chosen frames (with everything in them).
 * Locked content cannot be changed by participants — the server refuses their updates; the UI
 * only mirrors it. The facilitator can always change everything.
 */
import { err, ok, type Result } from './result.js'

export interface Locks {
  readonly board: boolean
  /** Frame shape ids, e.g. `shape:abc`. */
  readonly frames: readonly string[]
  /**
   * A template's layout (its region frames and their prompts): the records themselves are fixed
   * for participants, while what sits inside the regions stays editable.
   */
  readonly layout: readonly string[]
}

export const noLocks: Locks = { board: false, frames: [], layout: [] }

/** The map of the room document that holds the board's records (tldraw's, by id). */
export const BOARD_RECORDS_MAP = 'tldraw:records'

export const MAX_LOCKED_FRAMES = 200

/** A change to one board record, as the server's write policy describes it. */
export interface RecordWrite {
  readonly kind: 'set' | 'delete'
  /** The record id (its key in the board's record map). */
  readonly id: string
  /** The record written (set) or the record deleted (delete), when known. */
  readonly record: unknown
}

/** Looks up a record as it is on the board now. */
export type RecordLookup = (id: string) => unknown

function parentIdOf(record: unknown): string | null {
  if (typeof record !== 'object' || record === null) return null
  const parentId = (record as { parentId?: unknown }).parentId
  return typeof parentId === 'string' ? parentId : null
}

/** [fac:L2] Is this record, or any of its ancestors, a locked frame? */
export function isInLockedFrame(
  id: string,
  record: unknown,
  locks: Locks,
  lookup: RecordLookup,
): boolean {
  if (locks.frames.length === 0) return false
  const locked = new Set(locks.frames)
  const seen = new Set<string>()
  let current: string | null = id
  let value: unknown = record
  while (current !== null && !seen.has(current)) {
    if (locked.has(current)) return true
    seen.add(current)
    const parent = parentIdOf(value)
    value = parent === null ? undefined : lookup(parent)
    current = parent
  }
  return false
}

/**
 * [fac:L1][fac:L2] Checks a participant's changes to the board against the locks. A change is refused if
 * the board is locked, or if the record is — before or after the change — in a locked frame
 * (so nothing can be moved into or out of one either).
 */
export function checkLockedWrites(
  writes: readonly RecordWrite[],
  locks: Locks,
  lookup: RecordLookup,
): Result<void> {
  const layout = new Set(locks.layout)
  for (const write of writes) {
    if (locks.board) return err('the board is locked by the facilitator')
    if (layout.has(write.id)) return err('the template layout is fixed; notes inside it are not')
    const before = lookup(write.id)
    if (isInLockedFrame(write.id, before, locks, lookup)) {
      return err('this part of the board is locked by the facilitator')
    }
    if (write.kind === 'set' && isInLockedFrame(write.id, write.record, locks, lookup)) {
      return err('this part of the board is locked by the facilitator')
    }
  }
  return ok(undefined)
}

/** [fac:L3] The facilitator locks or unlocks the board or frames. */
export function applyLock(
  locks: Locks,
  change:
    | { target: 'board'; locked: boolean }
    | { target: 'frames'; frameIds: readonly string[]; locked: boolean },
): Result<Locks> {
  if (change.target === 'board') return ok({ ...locks, board: change.locked })
  const frames = new Set(locks.frames)
  for (const id of change.frameIds) {
    if (change.locked) frames.add(id)
    else frames.delete(id)
  }
  if (frames.size > MAX_LOCKED_FRAMES)
    return err(`at most ${MAX_LOCKED_FRAMES} frames can be locked`)
  return ok({ ...locks, frames: [...frames] })
}

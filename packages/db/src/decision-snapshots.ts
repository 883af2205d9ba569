/**
 * The board at the moment of decision (rec:BS1): when a decision record first becomes accepted,
 * the room's whole document as the server holds it is kept with it, in the same transaction, so
 * that the record can show its board as it was even after the board changed. The record
 * repository takes these steps in its writes; storage never sees Yjs, only the bytes.
 */
import type { DecisionRecord } from '@accord/records'
import { eq } from 'drizzle-orm'
import type { Tables } from './dialect/query-builder.js'
import { rows, run, type Steps } from './dialect/steps.js'

/**
 * Reads the room's whole document as one Yjs update (`Y.encodeStateAsUpdate` of the server's own
 * copy), at the moment it is called. Called only when a record becomes accepted, inside the
 * transaction that accepts it — so it must not wait on anything.
 */
export type BoardState = () => Uint8Array

/** A decision's board as it was when the decision was accepted. */
export interface BoardSnapshot {
  /** The room it was taken from, or null if that room has been deleted since. */
  readonly roomId: string | null
  readonly takenAt: Date
  /** A Yjs update: applied to an empty Y.Doc, it gives the room's document at that moment. */
  readonly state: Uint8Array
}

/** Just what the rule needs of a record before and after a write. */
type Settled = Pick<DecisionRecord, 'number' | 'status'>

/** Has this write made `after` accepted — a new accepted record, or one accepted just now? */
export function becameAccepted(before: Settled | null, after: Settled): boolean {
  if (after.status !== 'accepted') return false
  return before === null || before.number !== after.number || before.status !== 'accepted'
}

/**
 * Keeps the board for `after` if this write accepted it (`before` is the same room's record as the
 * write found it, or null). Never replaces a snapshot already kept: the first one stays.
 */
export function* keepBoardSnapshot(
  t: Tables,
  before: Settled | null,
  after: DecisionRecord,
  board: BoardState | undefined,
  at: Date,
): Steps<void> {
  if (!board || !after.source.roomId || !becameAccepted(before, after)) return
  const state = board()
  yield* run((q) =>
    q
      .insert(t.decisionSnapshots)
      .values({
        recordNumber: after.number,
        roomId: after.source.roomId,
        takenAt: at,
        // Both drivers store a Buffer's bytes; this one shares the update's memory, no copy.
        state: Buffer.from(state.buffer, state.byteOffset, state.byteLength),
      })
      .onConflictDoNothing(),
  )
}

export function* readBoardSnapshot(t: Tables, number: number): Steps<BoardSnapshot | null> {
  const { decisionSnapshots } = t
  const [row] = yield* rows((q) =>
    q.select().from(decisionSnapshots).where(eq(decisionSnapshots.recordNumber, number)),
  )
  return row ? { roomId: row.roomId, takenAt: row.takenAt, state: row.state } : null
}

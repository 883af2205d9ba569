import { blob, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { decisionRecords } from './records.js'
import { rooms } from './rooms.js'

/**
 * The board at the moment of decision (rec:BS1): the room's whole Yjs document, encoded as one
 * update, kept when a decision record first became accepted. Written once, never overwritten.
 * Like the record it belongs to, it outlives its board: deleting the room sets `room_id` to null.
 */
export const decisionSnapshots = sqliteTable(
  'decision_snapshots',
  {
    recordNumber: integer('record_number')
      .notNull()
      .references(() => decisionRecords.number, { onDelete: 'cascade' }),
    roomId: text('room_id').references(() => rooms.id, { onDelete: 'set null' }),
    /** When the record was accepted (the status event's time). */
    takenAt: integer('taken_at', { mode: 'timestamp_ms' }).notNull(),
    /** `Y.encodeStateAsUpdate` of the server's copy of the room's document. */
    state: blob('state', { mode: 'buffer' }).notNull(),
  },
  // The key on the table, not the column: always the record's number, never one SQLite would
  // generate for an INTEGER PRIMARY KEY column (as PostgreSQL's schema says too).
  (table) => [primaryKey({ columns: [table.recordNumber] })],
)

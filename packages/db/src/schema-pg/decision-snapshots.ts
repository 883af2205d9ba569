import { integer, pgTable } from 'drizzle-orm/pg-core'
import { bytea, text, timestampMs } from './columns.js'
import { decisionRecords } from './records.js'
import { rooms } from './rooms.js'

/** The board when a decision was first accepted (rec:BS1): a Yjs update, written once. */
export const decisionSnapshots = pgTable('decision_snapshots', {
  recordNumber: integer('record_number')
    .primaryKey()
    .references(() => decisionRecords.number, { onDelete: 'cascade' }),
  roomId: text('room_id').references(() => rooms.id, { onDelete: 'set null' }),
  takenAt: timestampMs('taken_at').notNull(),
  state: bytea('state').notNull(),
})

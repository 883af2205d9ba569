import { bigint, index, pgTable, primaryKey } from 'drizzle-orm/pg-core'
import { bytea, text, timestampMs } from './columns.js'
import { rooms } from './rooms.js'

/** The append-only log of Yjs updates for each room; `seq` is global and only grows. */
export const documentUpdates = pgTable(
  'document_updates',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    roomId: text('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    data: bytea('data').notNull(),
  },
  (table) => [index('document_updates_room_seq').on(table.roomId, table.seq)],
)

/** The compacted state of each room: every update up to `throughSeq`, merged. */
export const documentSnapshots = pgTable('document_snapshots', {
  roomId: text('room_id')
    .primaryKey()
    .references(() => rooms.id, { onDelete: 'cascade' }),
  data: bytea('data').notNull(),
  throughSeq: bigint('through_seq', { mode: 'number' }).notNull(),
  updatedAt: timestampMs('updated_at').notNull(),
})

/** Who each Yjs client id (unsigned 32-bit, hence bigint) used in a room belongs to. */
export const documentClientIds = pgTable(
  'document_client_ids',
  {
    roomId: text('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    clientId: bigint('client_id', { mode: 'number' }).notNull(),
    principal: text('principal').notNull(),
  },
  (table) => [primaryKey({ columns: [table.roomId, table.clientId] })],
)

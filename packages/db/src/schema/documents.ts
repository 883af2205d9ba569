import { blob, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { rooms } from './rooms.js'

/**
 * The append-only log of Yjs updates for each room, in arrival order. `seq` is global and only
 * grows, which is all the sync engine needs to compact "everything up to here".
 */
export const documentUpdates = sqliteTable(
  'document_updates',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    roomId: text('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    data: blob('data', { mode: 'buffer' }).notNull(),
  },
  (table) => [index('document_updates_room_seq').on(table.roomId, table.seq)],
)

/** The compacted state of each room: every update up to `throughSeq`, merged. */
export const documentSnapshots = sqliteTable('document_snapshots', {
  roomId: text('room_id')
    .primaryKey()
    .references(() => rooms.id, { onDelete: 'cascade' }),
  data: blob('data', { mode: 'buffer' }).notNull(),
  throughSeq: integer('through_seq').notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
})

/**
 * Who each Yjs client id used in a room belongs to: the principal (a member, or a share link's
 * role) whose connection used it first. Yjs trusts the id inside an update; the room refuses
 * updates under an id that belongs to someone else, also after a restart.
 */
export const documentClientIds = sqliteTable(
  'document_client_ids',
  {
    roomId: text('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    clientId: integer('client_id').notNull(),
    principal: text('principal').notNull(),
  },
  (table) => [primaryKey({ columns: [table.roomId, table.clientId] })],
)

import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { rooms } from './rooms.js'

/**
 * Notes written during private writing. They live here, not in the board document, so no other
 * client receives a byte of them until they are revealed — then the server writes them onto the
 * board and records which shape each became.
 */
export const privateNotes = sqliteTable(
  'private_notes',
  {
    id: text('id').primaryKey(),
    roomId: text('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    memberId: text('member_id').notNull(),
    text: text('text').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
    revealedAt: integer('revealed_at', { mode: 'timestamp_ms' }),
    /** The board shape the note became when revealed. */
    shapeId: text('shape_id'),
    /** The template region (e.g. a retro column) the note is written for; revealed into it. */
    region: text('region'),
  },
  (table) => [index('private_notes_room_member').on(table.roomId, table.memberId)],
)

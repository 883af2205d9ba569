import { index, pgTable } from 'drizzle-orm/pg-core'
import { text, timestampMs } from './columns.js'
import { rooms } from './rooms.js'

/** Notes written during private writing, off the board until revealed. */
export const privateNotes = pgTable(
  'private_notes',
  {
    id: text('id').primaryKey(),
    roomId: text('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    memberId: text('member_id').notNull(),
    text: text('text').notNull(),
    createdAt: timestampMs('created_at').notNull(),
    updatedAt: timestampMs('updated_at').notNull(),
    revealedAt: timestampMs('revealed_at'),
    shapeId: text('shape_id'),
    region: text('region'),
  },
  (table) => [index('private_notes_room_member').on(table.roomId, table.memberId)],
)

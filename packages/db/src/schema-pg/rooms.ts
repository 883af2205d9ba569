import { pgTable } from 'drizzle-orm/pg-core'
import { text, timestampMs } from './columns.js'

/** A board (workshop room). Its id is an unguessable capability: knowing it grants access. */
export const rooms = pgTable('rooms', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  createdAt: timestampMs('created_at').notNull(),
  /** The template the workshop follows (`blank` for rooms from before templates). */
  template: text('template').notNull().default('blank'),
  /** The earlier workshop this one follows up (a team's previous retro), if any. */
  previousRoomId: text('previous_room_id'),
})

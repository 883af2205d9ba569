import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** A board (workshop room). Its id is an unguessable capability: knowing it grants access. */
export const rooms = sqliteTable('rooms', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  /** The template the workshop follows (`blank` for rooms from before templates). */
  template: text('template').notNull().default('blank'),
  /** The earlier workshop this one follows up (a team's previous retro), if any. */
  previousRoomId: text('previous_room_id'),
})

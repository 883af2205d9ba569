import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { rooms } from './rooms.js'

/**
 * One person's dots in one vote. Ballots stay on the server: while a vote is open nobody else
 * sees them, and once it closes only the tally is published.
 */
export const voteBallots = sqliteTable(
  'vote_ballots',
  {
    voteId: text('vote_id').notNull(),
    roomId: text('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    memberId: text('member_id').notNull(),
    /** item id → dots */
    ballot: text('ballot', { mode: 'json' }).$type<Record<string, number>>().notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.voteId, table.memberId] })],
)

/**
 * Votes that have closed. A ballot is stored only while its vote has no row here, checked in the
 * ballot's own transaction: no ballot can land after the count (`BallotRepository.close`).
 */
export const closedVotes = sqliteTable('closed_votes', {
  voteId: text('vote_id').primaryKey(),
  roomId: text('room_id')
    .notNull()
    .references(() => rooms.id, { onDelete: 'cascade' }),
  closedAt: integer('closed_at', { mode: 'timestamp_ms' }).notNull(),
})

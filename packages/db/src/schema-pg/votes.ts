import { pgTable, primaryKey } from 'drizzle-orm/pg-core'
import { json, text, timestampMs } from './columns.js'
import { rooms } from './rooms.js'

/** One person's dots in one vote, kept on the server. */
export const voteBallots = pgTable(
  'vote_ballots',
  {
    voteId: text('vote_id').notNull(),
    roomId: text('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    memberId: text('member_id').notNull(),
    /** item id → dots */
    ballot: json('ballot').$type<Record<string, number>>().notNull(),
    updatedAt: timestampMs('updated_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.voteId, table.memberId] })],
)

/** Votes that have closed: no ballot is stored for them (`BallotRepository.close`). */
export const closedVotes = pgTable('closed_votes', {
  voteId: text('vote_id').primaryKey(),
  roomId: text('room_id')
    .notNull()
    .references(() => rooms.id, { onDelete: 'cascade' }),
  closedAt: timestampMs('closed_at').notNull(),
})

import { bigint, index, integer, pgTable, uniqueIndex } from 'drizzle-orm/pg-core'
import { json, text, timestampMs } from './columns.js'
import { rooms } from './rooms.js'

type Role = 'facilitator' | 'participant' | 'viewer'

/** The three share links of each room, one per role (see the SQLite schema). */
export const roomLinks = pgTable(
  'room_links',
  {
    roomId: text('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    role: text('role').$type<Role>().notNull(),
    token: text('token').notNull(),
    generation: integer('generation').notNull().default(1),
    updatedAt: timestampMs('updated_at').notNull(),
  },
  (table) => [uniqueIndex('room_links_room_role').on(table.roomId, table.role)],
)

/** A person in a room; only a SHA-256 hash of their credential's secret is kept. */
export const members = pgTable(
  'members',
  {
    id: text('id').primaryKey(),
    roomId: text('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    role: text('role').$type<Role>().notNull(),
    name: text('name').notNull(),
    secretHash: text('secret_hash').notNull(),
    linkGeneration: integer('link_generation').notNull(),
    joinedAt: timestampMs('joined_at').notNull(),
  },
  (table) => [index('members_room').on(table.roomId)],
)

/**
 * Commands sent to a room, accepted or refused: who, what (bodies only up to a small size), when,
 * and the outcome. The newest entries of each outcome are kept (`AccessRepository.recordCommand`).
 */
export const roomCommands = pgTable(
  'room_commands',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    roomId: text('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    memberId: text('member_id'),
    role: text('role').$type<Role>().notNull(),
    type: text('type').notNull(),
    payload: json('payload').notNull(),
    outcome: text('outcome').$type<'accepted' | 'refused'>().notNull(),
    reason: text('reason'),
    at: timestampMs('at').notNull(),
  },
  (table) => [
    index('room_commands_room_seq').on(table.roomId, table.seq),
    // Retention keeps the newest entries of each outcome per room (`recordCommand`).
    index('room_commands_room_outcome_seq').on(table.roomId, table.outcome, table.seq),
  ],
)

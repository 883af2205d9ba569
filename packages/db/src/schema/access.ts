import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { rooms } from './rooms.js'

/**
 * The three share links of each room, one per role. A link's token is shown to the facilitator,
 * so it is stored as is; rotating it bumps `generation`, which also revokes the members who
 * joined through the old link.
 */
export const roomLinks = sqliteTable(
  'room_links',
  {
    roomId: text('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['facilitator', 'participant', 'viewer'] }).notNull(),
    token: text('token').notNull(),
    generation: integer('generation').notNull().default(1),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [uniqueIndex('room_links_room_role').on(table.roomId, table.role)],
)

/**
 * A person in a room: joined through a link with a display name. Their credential is
 * `m.<id>.<secret>`; only a SHA-256 hash of the secret is kept.
 */
export const members = sqliteTable(
  'members',
  {
    id: text('id').primaryKey(),
    roomId: text('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['facilitator', 'participant', 'viewer'] }).notNull(),
    name: text('name').notNull(),
    secretHash: text('secret_hash').notNull(),
    /** The generation of the role's link when this member joined (or was last confirmed). */
    linkGeneration: integer('link_generation').notNull(),
    joinedAt: integer('joined_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [index('members_room').on(table.roomId)],
)

/**
 * Commands sent to a room, accepted or refused: who, what (bodies only up to a small size), when,
 * and the outcome. The newest entries of each outcome are kept (`AccessRepository.recordCommand`).
 */
export const roomCommands = sqliteTable(
  'room_commands',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    roomId: text('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    memberId: text('member_id'),
    role: text('role', { enum: ['facilitator', 'participant', 'viewer'] }).notNull(),
    type: text('type').notNull(),
    /** The command as received, minus secrets. */
    payload: text('payload', { mode: 'json' }).notNull(),
    outcome: text('outcome', { enum: ['accepted', 'refused'] }).notNull(),
    reason: text('reason'),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [
    index('room_commands_room_seq').on(table.roomId, table.seq),
    // Retention keeps the newest entries of each outcome per room (`recordCommand`).
    index('room_commands_room_outcome_seq').on(table.roomId, table.outcome, table.seq),
  ],
)

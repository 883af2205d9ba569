import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { rooms } from './rooms.js'

/**
 * Hidden inputs a template collects one per person — a stance, a sheet of risk scores — kept off
 * the board (and out of every other client's reach) until the facilitator reveals or closes them.
 */
export const submissions = sqliteTable(
  'submissions',
  {
    roomId: text('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    memberId: text('member_id').notNull(),
    value: text('value', { mode: 'json' }).$type<unknown>().notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.roomId, table.kind, table.memberId] })],
)

/**
 * The structured result of a workshop, stored each time the facilitator closes it (the latest is
 * current; earlier ones stay as history). Decision records and exports are built from these.
 */
export const workshopResults = sqliteTable(
  'workshop_results',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    roomId: text('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    template: text('template').notNull(),
    result: text('result', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    closedBy: text('closed_by'),
    closedAt: integer('closed_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [index('workshop_results_room_seq').on(table.roomId, table.seq)],
)

import { bigint, index, pgTable, primaryKey } from 'drizzle-orm/pg-core'
import { json, text, timestampMs } from './columns.js'
import { rooms } from './rooms.js'

/** Hidden inputs a template collects one per person (a stance, a sheet of risk scores). */
export const submissions = pgTable(
  'submissions',
  {
    roomId: text('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    memberId: text('member_id').notNull(),
    value: json('value').$type<unknown>().notNull(),
    updatedAt: timestampMs('updated_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.roomId, table.kind, table.memberId] })],
)

/** The structured result of a workshop, stored each time the facilitator closes it. */
export const workshopResults = pgTable(
  'workshop_results',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    roomId: text('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    template: text('template').notNull(),
    result: json('result').$type<Record<string, unknown>>().notNull(),
    closedBy: text('closed_by'),
    closedAt: timestampMs('closed_at').notNull(),
  },
  (table) => [index('workshop_results_room_seq').on(table.roomId, table.seq)],
)

import type { StoredDecisionContent } from '@accord/records'
import { sql } from 'drizzle-orm'
import {
  type AnyPgColumn,
  bigint,
  index,
  integer,
  pgTable,
  primaryKey,
  uniqueIndex,
} from 'drizzle-orm/pg-core'
import type {
  actionField,
  actionStatus,
  decisionStatus,
  ledgerEventKind,
  workshopEventKind,
  outputKind,
} from '../schema/record-enums.js'
import type { WorkshopOutputData } from '../schema/records.js'
import { json, text, timestampMs } from './columns.js'
import { rooms } from './rooms.js'

/**
 * Decision records (`DR-<number>`). An identity column, like SQLite's AUTOINCREMENT, never hands
 * out a number twice. They outlive their board: deleting a room sets `room_id` to null.
 */
export const decisionRecords = pgTable(
  'decision_records',
  {
    number: integer('number').primaryKey().generatedByDefaultAsIdentity(),
    status: text('status').$type<(typeof decisionStatus)[number]>().notNull(),
    /** The day it was decided, YYYY-MM-DD. */
    date: text('date').notNull(),
    roomId: text('room_id').references(() => rooms.id, { onDelete: 'set null' }),
    template: text('template').notNull(),
    workshopTitle: text('workshop_title').notNull(),
    content: json('content').$type<StoredDecisionContent>().notNull(),
    sourceShapeIds: json('source_shape_ids').$type<string[]>().notNull(),
    supersedes: integer('supersedes').references((): AnyPgColumn => decisionRecords.number),
    supersededBy: integer('superseded_by').references((): AnyPgColumn => decisionRecords.number),
    searchText: text('search_text').notNull(),
    ownerKeys: json('owner_keys').$type<string[]>().notNull(),
    tagKeys: json('tag_keys').$type<string[]>().notNull(),
    createdAt: timestampMs('created_at').notNull(),
  },
  (table) => [
    index('decision_records_room').on(table.roomId),
    index('decision_records_date').on(table.date),
    // The decision log's full-text index (rec:SG1): the expression `pg-dialect.ts` searches.
    index('decision_records_search').using('gin', sql`to_tsvector('english', ${table.searchText})`),
  ],
)

/** Every status a decision record has had. Append-only. */
export const decisionStatusEvents = pgTable(
  'decision_status_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    recordNumber: integer('record_number')
      .notNull()
      .references(() => decisionRecords.number, { onDelete: 'cascade' }),
    status: text('status').$type<(typeof decisionStatus)[number]>().notNull(),
    by: text('by'),
    /** ISO 8601, kept as given. */
    at: text('at').notNull(),
    note: text('note').notNull().default(''),
  },
  (table) => [index('decision_status_events_record').on(table.recordNumber, table.seq)],
)

/** A decision's ledger after its content was fixed (late commitments). Append-only. */
export const decisionEvents = pgTable(
  'decision_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    recordNumber: integer('record_number')
      .notNull()
      .references(() => decisionRecords.number, { onDelete: 'cascade' }),
    kind: text('kind').$type<(typeof ledgerEventKind)[number]>().notNull(),
    by: text('by').notNull(),
    /** ISO 8601, kept as given. */
    at: text('at').notNull(),
  },
  (table) => [index('decision_events_record').on(table.recordNumber, table.seq)],
)

/** [rec:LG1] How a workshop reached its decision, as it happened, by room. Append-only. */
export const workshopEvents = pgTable(
  'workshop_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    roomId: text('room_id').notNull(),
    kind: text('kind').$type<(typeof workshopEventKind)[number]>().notNull(),
    by: text('by').notNull(),
    /** ISO 8601. */
    at: text('at').notNull(),
    note: text('note').notNull().default(''),
  },
  (table) => [index('workshop_events_room').on(table.roomId, table.seq)],
)

/** Action items (`AI-<id>`), unique per workshop by `key`; they outlive their board. */
export const actionItems = pgTable(
  'action_items',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    roomId: text('room_id').references(() => rooms.id, { onDelete: 'set null' }),
    key: text('key').notNull(),
    template: text('template').notNull(),
    workshopTitle: text('workshop_title').notNull(),
    sourceShapeIds: json('source_shape_ids').$type<string[]>().notNull(),
    text: text('text').notNull(),
    ownerName: text('owner_name').notNull(),
    ownerKey: text('owner_key').notNull(),
    /** YYYY-MM-DD, so that text comparison is date comparison. */
    due: text('due'),
    status: text('status').$type<(typeof actionStatus)[number]>().notNull(),
    boardText: text('board_text').notNull(),
    boardOwnerName: text('board_owner_name').notNull(),
    boardDue: text('board_due'),
    createdAt: timestampMs('created_at').notNull(),
    updatedAt: timestampMs('updated_at').notNull(),
  },
  (table) => [
    uniqueIndex('action_items_room_key').on(table.roomId, table.key),
    index('action_items_owner').on(table.ownerKey),
  ],
)

/** Every change to an action item. Append-only. */
export const actionItemEvents = pgTable(
  'action_item_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    itemId: integer('item_id')
      .notNull()
      .references(() => actionItems.id, { onDelete: 'cascade' }),
    field: text('field').$type<(typeof actionField)[number]>().notNull(),
    from: text('from'),
    to: text('to'),
    by: text('by'),
    /** ISO 8601. */
    at: text('at').notNull(),
  },
  (table) => [index('action_item_events_item').on(table.itemId, table.seq)],
)

/** A workshop's risks, themes, insights and needs, in order, replaced at each save. */
export const workshopOutputs = pgTable(
  'workshop_outputs',
  {
    roomId: text('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<(typeof outputKind)[number]>().notNull(),
    position: integer('position').notNull(),
    data: json('data').$type<WorkshopOutputData>().notNull(),
  },
  (table) => [primaryKey({ columns: [table.roomId, table.kind, table.position] })],
)

import type { RiskRecord, StoredDecisionContent, ThemeRecord } from '@accord/records'
import {
  type AnySQLiteColumn,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core'
import {
  actionField,
  actionStatus,
  decisionStatus,
  ledgerEventKind,
  workshopEventKind,
  outputKind,
} from './record-enums.js'
import { rooms } from './rooms.js'

/**
 * Decision records: what the decision says, and where it came from. `number` is the DR number
 * (`DR-<number>`), numbered across the instance; AUTOINCREMENT keeps a number from ever being
 * reused. The content is written once and, after acceptance, never rewritten: a change is a new
 * record linked through `supersedes` / `superseded_by`.
 *
 * Records outlive their board: deleting a room sets `room_id` to null (the workshop's title and
 * template stay in their own columns) instead of deleting the decision log with it.
 */
export const decisionRecords = sqliteTable(
  'decision_records',
  {
    number: integer('number').primaryKey({ autoIncrement: true }),
    status: text('status', { enum: decisionStatus }).notNull(),
    /** The day it was decided, YYYY-MM-DD. */
    date: text('date').notNull(),
    roomId: text('room_id').references(() => rooms.id, { onDelete: 'set null' }),
    template: text('template').notNull(),
    workshopTitle: text('workshop_title').notNull(),
    content: text('content', { mode: 'json' }).$type<StoredDecisionContent>().notNull(),
    sourceShapeIds: text('source_shape_ids', { mode: 'json' }).$type<string[]>().notNull(),
    supersedes: integer('supersedes').references((): AnySQLiteColumn => decisionRecords.number),
    supersededBy: integer('superseded_by').references(
      (): AnySQLiteColumn => decisionRecords.number,
    ),
    /** Lowercased title, context, decision, rationale, options, names, tags and workshop title. */
    searchText: text('search_text').notNull(),
    /** The decision-makers' names, lowercased (JSON array), for the owner filter. */
    ownerKeys: text('owner_keys', { mode: 'json' }).$type<string[]>().notNull(),
    /** The tags, lowercased (JSON array), for the tag filter. */
    tagKeys: text('tag_keys', { mode: 'json' }).$type<string[]>().notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [
    index('decision_records_room').on(table.roomId),
    index('decision_records_date').on(table.date),
  ],
)

/** Every status a decision record has had: who set it, when, and why. Append-only. */
export const decisionStatusEvents = sqliteTable(
  'decision_status_events',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    recordNumber: integer('record_number')
      .notNull()
      .references(() => decisionRecords.number, { onDelete: 'cascade' }),
    status: text('status', { enum: decisionStatus }).notNull(),
    /** A name, or null when Accord did it (at a workshop's close). */
    by: text('by'),
    /** ISO 8601, kept as given. */
    at: text('at').notNull(),
    note: text('note').notNull().default(''),
  },
  (table) => [index('decision_status_events_record').on(table.recordNumber, table.seq)],
)

/**
 * The rest of a decision's ledger: what happened to it after its content was fixed — a
 * commitment made after it was accepted (rec:DR9) — with who and when. Append-only: a record's
 * content is never rewritten to take them in; its views add them.
 */
export const decisionEvents = sqliteTable(
  'decision_events',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    recordNumber: integer('record_number')
      .notNull()
      .references(() => decisionRecords.number, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ledgerEventKind }).notNull(),
    /** The person's name. */
    by: text('by').notNull(),
    /** ISO 8601, kept as given. */
    at: text('at').notNull(),
  },
  (table) => [index('decision_events_record').on(table.recordNumber, table.seq)],
)

/**
 * [rec:LG1] How a workshop reached its decision, as it happened — proposed, reworded, stances
 * opened, a stance given or changed (never its value), revealed, decided, a block acknowledged —
 * with who and when. Kept by room, not by record: they happen before a record exists, and outlive
 * the room. Append-only.
 */
export const workshopEvents = sqliteTable(
  'workshop_events',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    roomId: text('room_id').notNull(),
    kind: text('kind', { enum: workshopEventKind }).notNull(),
    /** The person's name. */
    by: text('by').notNull(),
    /** ISO 8601. */
    at: text('at').notNull(),
    note: text('note').notNull().default(''),
  },
  (table) => [index('workshop_events_room').on(table.roomId, table.seq)],
)

/**
 * Action items (`AI-<id>`). `key` identifies an item within its workshop (the note's shape id,
 * `mitigation:<risk>`), so closing a workshop again updates its items instead of duplicating
 * them. Like decisions, they outlive their board (`room_id` set to null).
 */
export const actionItems = sqliteTable(
  'action_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    roomId: text('room_id').references(() => rooms.id, { onDelete: 'set null' }),
    key: text('key').notNull(),
    template: text('template').notNull(),
    workshopTitle: text('workshop_title').notNull(),
    sourceShapeIds: text('source_shape_ids', { mode: 'json' }).$type<string[]>().notNull(),
    text: text('text').notNull(),
    ownerName: text('owner_name').notNull(),
    /** The owner's name lowercased, for the owner filter. */
    ownerKey: text('owner_key').notNull(),
    /** YYYY-MM-DD, so that text comparison is date comparison. */
    due: text('due'),
    status: text('status', { enum: actionStatus }).notNull(),
    /**
     * What the board said at the last save. A save changes a field only where the board changed
     * since — so an owner reassigned in the follow-up view is not undone by closing again.
     */
    boardText: text('board_text').notNull(),
    boardOwnerName: text('board_owner_name').notNull(),
    boardDue: text('board_due'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [
    uniqueIndex('action_items_room_key').on(table.roomId, table.key),
    index('action_items_owner').on(table.ownerKey),
  ],
)

/** Every change to an action item: which field, from what to what, who and when. Append-only. */
export const actionItemEvents = sqliteTable(
  'action_item_events',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    itemId: integer('item_id')
      .notNull()
      .references(() => actionItems.id, { onDelete: 'cascade' }),
    field: text('field', { enum: actionField }).notNull(),
    from: text('from'),
    to: text('to'),
    by: text('by'),
    /** ISO 8601. */
    at: text('at').notNull(),
  },
  (table) => [index('action_item_events_item').on(table.itemId, table.seq)],
)

export type WorkshopOutputData = RiskRecord | ThemeRecord | string

/**
 * A workshop's other outputs — a pre-mortem's risks, a retro's themes, an empathy map's insights
 * and needs — in order, replaced as a whole each time the workshop is saved. They are read only
 * through their workshop, so they go with the room if it is ever deleted.
 */
export const workshopOutputs = sqliteTable(
  'workshop_outputs',
  {
    roomId: text('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: outputKind }).notNull(),
    position: integer('position').notNull(),
    data: text('data', { mode: 'json' }).$type<WorkshopOutputData>().notNull(),
  },
  (table) => [primaryKey({ columns: [table.roomId, table.kind, table.position] })],
)

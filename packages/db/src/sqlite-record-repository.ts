import { ok, type Result } from '@accord/facilitation'
import {
  type ActionChange,
  type ActionDraft,
  type ActionItemRecord,
  type ActionUpdate,
  addCommitments,
  changeStatus,
  checkEditable,
  checkSupersedable,
  decisionContent,
  type DecisionContent,
  type DecisionDraft,
  type DecisionRecord,
  type DecisionStatus,
  sameDecision,
  type StatusEvent,
  supersede,
  updateAction,
  type WorkshopRecords,
} from '@accord/records'
import type { RunResult } from 'better-sqlite3'
import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, ne, type SQL, sql } from 'drizzle-orm'
import type { BaseSQLiteDatabase, SQLiteColumn } from 'drizzle-orm/sqlite-core'
import type {
  ActionItemQuery,
  DecisionQuery,
  RecordRepository,
  SavedWorkshop,
  WorkshopOutputs,
} from './record-repository.js'
import {
  actionSaved,
  type ChangeEvent,
  dayOf,
  decisionColumns,
  keyOf,
  newActionColumns,
  newDecision,
  type NewDecision,
  numberOf,
  outputRows,
  outputsOf,
  statusColumns,
  statusEvent,
  toActionRecords,
  toDecisionRecords,
  words,
} from './record-rows.js'
import type { AccordSqliteDb } from './sqlite-database.js'
import type * as schema from './schema/index.js'
import {
  actionItemEvents,
  actionItems,
  decisionRecords,
  decisionStatusEvents,
  workshopOutputs,
} from './schema/index.js'

/** The database or a transaction on it: better-sqlite3 runs both synchronously. */
type Db = BaseSQLiteDatabase<'sync', RunResult, typeof schema>
type DecisionRow = typeof decisionRecords.$inferSelect
type ActionRow = typeof actionItems.$inferSelect

export class SqliteRecordRepository implements RecordRepository {
  constructor(private readonly db: AccordSqliteDb) {}

  async saveWorkshop(
    records: WorkshopRecords,
    by: string | null,
    at: Date,
  ): Promise<SavedWorkshop> {
    return this.db.transaction((tx) => {
      const actions = records.actions.map((draft) => upsertAction(tx, draft, by, at))
      replaceOutputs(tx, records)
      const decision = records.decision ? saveDecision(tx, records.decision, by, at) : null
      return { decision, actions }
    })
  }

  async createDecision(draft: DecisionDraft, by: string | null, at: Date): Promise<DecisionRecord> {
    return this.db.transaction((tx) => {
      const number = insertDecision(tx, newDecision(draft), { by, at, note: '' }, null)
      return readDecision(tx, number)!
    })
  }

  async decision(id: string): Promise<DecisionRecord | null> {
    const number = numberOf('DR', id)
    return number === null ? null : readDecision(this.db, number)
  }

  async searchDecisions(query: DecisionQuery = {}): Promise<DecisionRecord[]> {
    const conditions: SQL[] = []
    for (const word of words(query.q ?? '')) {
      conditions.push(sql`instr(${decisionRecords.searchText}, ${word}) > 0`)
    }
    if (query.status) conditions.push(eq(decisionRecords.status, query.status))
    if (query.template) conditions.push(eq(decisionRecords.template, query.template))
    if (query.owner?.trim()) conditions.push(jsonHas(decisionRecords.ownerKeys, keyOf(query.owner)))
    if (query.tag?.trim()) conditions.push(jsonHas(decisionRecords.tagKeys, keyOf(query.tag)))
    if (query.from) conditions.push(gte(decisionRecords.date, query.from))
    if (query.to) conditions.push(lte(decisionRecords.date, query.to))
    const rows = this.db
      .select()
      .from(decisionRecords)
      .where(and(...conditions))
      .orderBy(desc(decisionRecords.date), desc(decisionRecords.number))
      .all()
    return withHistories(this.db, rows)
  }

  async changeDecisionStatus(
    id: string,
    to: DecisionStatus,
    event: Omit<StatusEvent, 'status'>,
  ): Promise<Result<DecisionRecord> | null> {
    const number = numberOf('DR', id)
    if (number === null) return null
    return this.db.transaction((tx) => {
      const record = readDecision(tx, number)
      if (!record) return null
      const changed = changeStatus(record, to, event)
      if (!changed.ok) return changed
      storeStatus(tx, changed.value)
      return ok(readDecision(tx, number)!)
    })
  }

  async supersedeDecision(
    id: string,
    content: DecisionContent,
    by: string | null,
    at: Date,
    note = '',
  ): Promise<Result<{ original: DecisionRecord; successor: DecisionRecord }> | null> {
    const number = numberOf('DR', id)
    if (number === null) return null
    return this.db.transaction((tx) => {
      const original = readDecision(tx, number)
      if (!original) return null
      const supersedable = checkSupersedable(original)
      if (!supersedable.ok) return supersedable
      const successor = supersedeWith(
        tx,
        original,
        {
          content: decisionContent(content),
          status: 'accepted',
          date: dayOf(at),
          source: original.source,
        },
        { by, at, note },
      )
      return ok({ original: readDecision(tx, number)!, successor })
    })
  }

  async decisionsOfRoom(roomId: string): Promise<DecisionRecord[]> {
    const rows = this.db
      .select()
      .from(decisionRecords)
      .where(eq(decisionRecords.roomId, roomId))
      .orderBy(asc(decisionRecords.number))
      .all()
    return withHistories(this.db, rows)
  }

  async actionItems(query: ActionItemQuery = {}): Promise<ActionItemRecord[]> {
    const conditions: SQL[] = []
    if (query.owner?.trim()) conditions.push(eq(actionItems.ownerKey, keyOf(query.owner)))
    if (query.status) conditions.push(eq(actionItems.status, query.status))
    if (query.roomId) conditions.push(eq(actionItems.roomId, query.roomId))
    if (query.overdueOn) {
      conditions.push(eq(actionItems.status, 'open'), lt(actionItems.due, query.overdueOn))
    }
    const rows = this.db
      .select()
      .from(actionItems)
      .where(and(...conditions))
      .orderBy(sql`${actionItems.due} is null`, asc(actionItems.due), asc(actionItems.id))
      .all()
    return withChanges(this.db, rows)
  }

  async actionItem(id: string): Promise<ActionItemRecord | null> {
    const number = numberOf('AI', id)
    return number === null ? null : readAction(this.db, number)
  }

  async updateActionItem(
    id: string,
    update: ActionUpdate,
    by: string | null,
    at: Date,
  ): Promise<Result<ActionItemRecord> | null> {
    const number = numberOf('AI', id)
    if (number === null) return null
    return this.db.transaction((tx) => {
      const item = readAction(tx, number)
      if (!item) return null
      const updated = updateAction(item, update, by, at.toISOString())
      if (!updated.ok) return updated
      const { status, ownerName, due } = updated.value
      tx.update(actionItems)
        .set({ status, ownerName, ownerKey: keyOf(ownerName), due, updatedAt: at })
        .where(eq(actionItems.id, number))
        .run()
      logChanges(tx, number, updated.value.history.slice(item.history.length))
      return ok(readAction(tx, number)!)
    })
  }

  async workshopOutputs(roomId: string): Promise<WorkshopOutputs> {
    const rows = this.db
      .select()
      .from(workshopOutputs)
      .where(eq(workshopOutputs.roomId, roomId))
      .orderBy(asc(workshopOutputs.position))
      .all()
    return outputsOf(rows)
  }
}

// ---- Decisions -------------------------------------------------------------------------------

/**
 * The workshop's decision against the room's current record: new, edited while proposed,
 * superseded once accepted or rejected, or left alone when nothing in it changed.
 */
function saveDecision(db: Db, draft: DecisionDraft, by: string | null, at: Date): DecisionRecord {
  const current = db
    .select({ number: decisionRecords.number })
    .from(decisionRecords)
    .where(
      and(
        roomIs(decisionRecords.roomId, draft.source.roomId),
        ne(decisionRecords.status, 'superseded'),
      ),
    )
    .orderBy(desc(decisionRecords.number))
    .limit(1)
    .get()
  const next = newDecision(draft)
  if (!current) return readDecision(db, insertDecision(db, next, { by, at, note: '' }, null))!

  const record = readDecision(db, current.number)!
  if (checkEditable(record).ok) {
    db.update(decisionRecords)
      .set(decisionColumns(next))
      .where(eq(decisionRecords.number, record.number))
      .run()
    if (draft.status !== record.status) {
      const changed = changeStatus(record, draft.status, statusEvent({ by, at }))
      if (changed.ok) storeStatus(db, changed.value)
    }
    return readDecision(db, record.number)!
  }
  // A settled decision is superseded only by another settled one: a workshop reopened and closed
  // again before deciding anew leaves it as it is.
  if (draft.status === 'proposed') return record
  // The same decision, committed to by more people since: they join the record.
  if (sameDecision(record, next.content)) {
    const committed = addCommitments(record, next.content.commitments)
    if (committed) {
      db.update(decisionRecords)
        .set({ content: decisionContent(committed) })
        .where(eq(decisionRecords.number, record.number))
        .run()
    }
    return readDecision(db, record.number)!
  }
  // Nor does closing again with a board that still says what an earlier record of this room said
  // undo a change made since (a record superseded by hand through the decision log).
  const earlier = db
    .select({ content: decisionRecords.content })
    .from(decisionRecords)
    .where(roomIs(decisionRecords.roomId, draft.source.roomId))
    .all()
  if (earlier.some((row) => sameDecision(row.content, next.content))) return record
  return supersedeWith(db, record, next, { by, at, note: '' })
}

/** Inserts `next` as the successor of `original` and links both; returns the successor. */
function supersedeWith(
  db: Db,
  original: DecisionRecord,
  next: NewDecision,
  event: ChangeEvent,
): DecisionRecord {
  const number = insertDecision(
    db,
    next,
    { ...event, note: event.note || `supersedes ${original.id}` },
    original.number,
  )
  const linked = supersede(original, readDecision(db, number)!, statusEvent(event))
  // Unreachable: callers check that the original is supersedable; throwing rolls back the insert.
  if (!linked.ok) throw new Error(linked.error)
  storeStatus(db, linked.value.original)
  return readDecision(db, number)!
}

function insertDecision(
  db: Db,
  next: NewDecision,
  event: ChangeEvent,
  supersedes: number | null,
): number {
  const { number } = db
    .insert(decisionRecords)
    .values({ ...decisionColumns(next), status: next.status, supersedes, createdAt: event.at })
    .returning({ number: decisionRecords.number })
    .get()
  db.insert(decisionStatusEvents)
    .values({ recordNumber: number, ...statusEvent(event), status: next.status })
    .run()
  return number
}

/** Stores a status the rules produced: the status, the successor link, and the latest event. */
function storeStatus(db: Db, record: DecisionRecord) {
  db.update(decisionRecords)
    .set(statusColumns(record))
    .where(eq(decisionRecords.number, record.number))
    .run()
  const event = record.history.at(-1)!
  db.insert(decisionStatusEvents)
    .values({ recordNumber: record.number, ...event })
    .run()
}

function readDecision(db: Db, number: number): DecisionRecord | null {
  const row = db.select().from(decisionRecords).where(eq(decisionRecords.number, number)).get()
  return row ? (withHistories(db, [row])[0] ?? null) : null
}

function withHistories(db: Db, rows: readonly DecisionRow[]): DecisionRecord[] {
  if (rows.length === 0) return []
  const events = db
    .select()
    .from(decisionStatusEvents)
    .where(
      inArray(
        decisionStatusEvents.recordNumber,
        rows.map((row) => row.number),
      ),
    )
    .orderBy(asc(decisionStatusEvents.seq))
    .all()
  return toDecisionRecords(rows, events)
}

// ---- Action items ----------------------------------------------------------------------------

/** Inserts a new item, or brings an existing one (same workshop, same key) up to date. */
function upsertAction(db: Db, draft: ActionDraft, by: string | null, at: Date): ActionItemRecord {
  const existing = db
    .select()
    .from(actionItems)
    .where(and(roomIs(actionItems.roomId, draft.source.roomId), eq(actionItems.key, draft.key)))
    .get()
  if (!existing) {
    const { id } = db
      .insert(actionItems)
      .values(newActionColumns(draft, at))
      .returning({ id: actionItems.id })
      .get()
    return readAction(db, id)!
  }
  const { columns, changes } = actionSaved(existing, draft, by, at)
  db.update(actionItems).set(columns).where(eq(actionItems.id, existing.id)).run()
  logChanges(db, existing.id, changes)
  return readAction(db, existing.id)!
}

function logChanges(db: Db, itemId: number, changes: readonly ActionChange[]) {
  if (changes.length === 0) return
  db.insert(actionItemEvents)
    .values(changes.map((change) => ({ itemId, ...change })))
    .run()
}

function readAction(db: Db, id: number): ActionItemRecord | null {
  const row = db.select().from(actionItems).where(eq(actionItems.id, id)).get()
  return row ? (withChanges(db, [row])[0] ?? null) : null
}

function withChanges(db: Db, rows: readonly ActionRow[]): ActionItemRecord[] {
  if (rows.length === 0) return []
  const events = db
    .select()
    .from(actionItemEvents)
    .where(
      inArray(
        actionItemEvents.itemId,
        rows.map((row) => row.id),
      ),
    )
    .orderBy(asc(actionItemEvents.seq))
    .all()
  return toActionRecords(rows, events)
}

// ---- Workshop outputs ------------------------------------------------------------------------

function replaceOutputs(db: Db, records: WorkshopRecords) {
  const roomId = records.source.roomId
  db.delete(workshopOutputs).where(eq(workshopOutputs.roomId, roomId)).run()
  const rows = outputRows(records)
  if (rows.length > 0) {
    db.insert(workshopOutputs)
      .values(rows.map((row) => ({ roomId, ...row })))
      .run()
  }
}

// ---- Shared ----------------------------------------------------------------------------------

/** A room id of '' stands for "no board" (a room deleted since, or none): stored as null. */
const roomIs = (column: SQLiteColumn, roomId: string) =>
  roomId ? eq(column, roomId) : isNull(column)

/** Whether a JSON array column holds `value`. */
const jsonHas = (column: SQLiteColumn, value: string) =>
  sql`exists (select 1 from json_each(${column}) where json_each.value = ${value})`

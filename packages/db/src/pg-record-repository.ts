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
import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, ne, type SQL, sql } from 'drizzle-orm'
import type { NodePgQueryResultHKT } from 'drizzle-orm/node-postgres'
import type { PgColumn, PgDatabase } from 'drizzle-orm/pg-core'
import type { AccordPgDb } from './pg-database.js'
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
import { noNul } from './schema-pg/columns.js'
import type * as schema from './schema-pg/index.js'
import {
  actionItemEvents,
  actionItems,
  decisionRecords,
  decisionStatusEvents,
  workshopOutputs,
} from './schema-pg/index.js'

/** The database or a transaction on it. */
type Db = PgDatabase<NodePgQueryResultHKT, typeof schema>
type DecisionRow = typeof decisionRecords.$inferSelect
type ActionRow = typeof actionItems.$inferSelect

/** The advisory lock every write to the records takes (any number: the same in every process). */
const RECORDS_LOCK = 0x5265636f7264 // "Record"

/**
 * The records in PostgreSQL, with the SQLite repository's rules and isolation: every write is one
 * transaction, and writes take turns (an advisory lock held to the end of each), as SQLite's single
 * writer makes them — so two saves of one workshop cannot both insert its decision, in one
 * process or several. Reads see one snapshot (repeatable read).
 */
export class PgRecordRepository implements RecordRepository {
  constructor(private readonly db: AccordPgDb) {}

  async saveWorkshop(
    records: WorkshopRecords,
    by: string | null,
    at: Date,
  ): Promise<SavedWorkshop> {
    return this.write(async (tx) => {
      const actions: ActionItemRecord[] = []
      for (const draft of records.actions) actions.push(await upsertAction(tx, draft, by, at))
      await replaceOutputs(tx, records)
      const decision = records.decision ? await saveDecision(tx, records.decision, by, at) : null
      return { decision, actions }
    })
  }

  async createDecision(draft: DecisionDraft, by: string | null, at: Date): Promise<DecisionRecord> {
    return this.write(async (tx) => {
      const number = await insertDecision(tx, newDecision(draft), { by, at, note: '' }, null)
      return (await readDecision(tx, number))!
    })
  }

  async decision(id: string): Promise<DecisionRecord | null> {
    const number = numberOf('DR', id)
    return number === null ? null : this.read((tx) => readDecision(tx, number))
  }

  async searchDecisions(query: DecisionQuery = {}): Promise<DecisionRecord[]> {
    const conditions: SQL[] = []
    for (const word of words(query.q ?? '')) {
      conditions.push(sql`strpos(${decisionRecords.searchText}, ${noNul(word)}) > 0`)
    }
    if (query.status) conditions.push(eq(decisionRecords.status, query.status))
    if (query.template) conditions.push(eq(decisionRecords.template, query.template))
    if (query.owner?.trim()) conditions.push(jsonHas(decisionRecords.ownerKeys, keyOf(query.owner)))
    if (query.tag?.trim()) conditions.push(jsonHas(decisionRecords.tagKeys, keyOf(query.tag)))
    if (query.from) conditions.push(gte(decisionRecords.date, query.from))
    if (query.to) conditions.push(lte(decisionRecords.date, query.to))
    return this.read(async (tx) => {
      const rows = await tx
        .select()
        .from(decisionRecords)
        .where(and(...conditions))
        .orderBy(desc(decisionRecords.date), desc(decisionRecords.number))
      return withHistories(tx, rows)
    })
  }

  async changeDecisionStatus(
    id: string,
    to: DecisionStatus,
    event: Omit<StatusEvent, 'status'>,
  ): Promise<Result<DecisionRecord> | null> {
    const number = numberOf('DR', id)
    if (number === null) return null
    return this.write(async (tx) => {
      const record = await readDecision(tx, number)
      if (!record) return null
      const changed = changeStatus(record, to, event)
      if (!changed.ok) return changed
      await storeStatus(tx, changed.value)
      return ok((await readDecision(tx, number))!)
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
    return this.write(async (tx) => {
      const original = await readDecision(tx, number)
      if (!original) return null
      const supersedable = checkSupersedable(original)
      if (!supersedable.ok) return supersedable
      const successor = await supersedeWith(
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
      return ok({ original: (await readDecision(tx, number))!, successor })
    })
  }

  async decisionsOfRoom(roomId: string): Promise<DecisionRecord[]> {
    return this.read(async (tx) => {
      const rows = await tx
        .select()
        .from(decisionRecords)
        .where(eq(decisionRecords.roomId, roomId))
        .orderBy(asc(decisionRecords.number))
      return withHistories(tx, rows)
    })
  }

  async actionItems(query: ActionItemQuery = {}): Promise<ActionItemRecord[]> {
    const conditions: SQL[] = []
    if (query.owner?.trim()) conditions.push(eq(actionItems.ownerKey, keyOf(query.owner)))
    if (query.status) conditions.push(eq(actionItems.status, query.status))
    if (query.roomId) conditions.push(eq(actionItems.roomId, query.roomId))
    if (query.overdueOn) {
      conditions.push(eq(actionItems.status, 'open'), lt(actionItems.due, query.overdueOn))
    }
    return this.read(async (tx) => {
      const rows = await tx
        .select()
        .from(actionItems)
        .where(and(...conditions))
        .orderBy(sql`${actionItems.due} is null`, asc(actionItems.due), asc(actionItems.id))
      return withChanges(tx, rows)
    })
  }

  async actionItem(id: string): Promise<ActionItemRecord | null> {
    const number = numberOf('AI', id)
    return number === null ? null : this.read((tx) => readAction(tx, number))
  }

  async updateActionItem(
    id: string,
    update: ActionUpdate,
    by: string | null,
    at: Date,
  ): Promise<Result<ActionItemRecord> | null> {
    const number = numberOf('AI', id)
    if (number === null) return null
    return this.write(async (tx) => {
      const item = await readAction(tx, number)
      if (!item) return null
      const updated = updateAction(item, update, by, at.toISOString())
      if (!updated.ok) return updated
      const { status, ownerName, due } = updated.value
      await tx
        .update(actionItems)
        .set({ status, ownerName, ownerKey: keyOf(ownerName), due, updatedAt: at })
        .where(eq(actionItems.id, number))
      await logChanges(tx, number, updated.value.history.slice(item.history.length))
      return ok((await readAction(tx, number))!)
    })
  }

  async workshopOutputs(roomId: string): Promise<WorkshopOutputs> {
    const rows = await this.db
      .select()
      .from(workshopOutputs)
      .where(eq(workshopOutputs.roomId, roomId))
      .orderBy(asc(workshopOutputs.position))
    return outputsOf(rows)
  }

  private write<T>(run: (tx: Db) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${RECORDS_LOCK})`)
      return run(tx)
    })
  }

  private read<T>(run: (tx: Db) => Promise<T>): Promise<T> {
    return this.db.transaction(run, { isolationLevel: 'repeatable read', accessMode: 'read only' })
  }
}

// ---- Decisions -------------------------------------------------------------------------------

/**
 * The workshop's decision against the room's current record: new, edited while proposed,
 * superseded once accepted or rejected, or left alone when nothing in it changed.
 */
async function saveDecision(
  db: Db,
  draft: DecisionDraft,
  by: string | null,
  at: Date,
): Promise<DecisionRecord> {
  const [current] = await db
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
  const next = newDecision(draft)
  if (!current) {
    return (await readDecision(db, await insertDecision(db, next, { by, at, note: '' }, null)))!
  }

  const record = (await readDecision(db, current.number))!
  if (checkEditable(record).ok) {
    await db
      .update(decisionRecords)
      .set(decisionColumns(next))
      .where(eq(decisionRecords.number, record.number))
    if (draft.status !== record.status) {
      const changed = changeStatus(record, draft.status, statusEvent({ by, at }))
      if (changed.ok) await storeStatus(db, changed.value)
    }
    return (await readDecision(db, record.number))!
  }
  // A settled decision is superseded only by another settled one: a workshop reopened and closed
  // again before deciding anew leaves it as it is.
  if (draft.status === 'proposed') return record
  // The same decision, committed to by more people since: they join the record.
  if (sameDecision(record, next.content)) {
    const committed = addCommitments(record, next.content.commitments)
    if (committed) {
      await db
        .update(decisionRecords)
        .set({ content: decisionContent(committed) })
        .where(eq(decisionRecords.number, record.number))
    }
    return (await readDecision(db, record.number))!
  }
  // Nor does closing again with a board that still says what an earlier record of this room said
  // undo a change made since (a record superseded by hand through the decision log).
  const earlier = await db
    .select({ content: decisionRecords.content })
    .from(decisionRecords)
    .where(roomIs(decisionRecords.roomId, draft.source.roomId))
  if (earlier.some((row) => sameDecision(row.content, next.content))) return record
  return supersedeWith(db, record, next, { by, at, note: '' })
}

/** Inserts `next` as the successor of `original` and links both; returns the successor. */
async function supersedeWith(
  db: Db,
  original: DecisionRecord,
  next: NewDecision,
  event: ChangeEvent,
): Promise<DecisionRecord> {
  const number = await insertDecision(
    db,
    next,
    { ...event, note: event.note || `supersedes ${original.id}` },
    original.number,
  )
  const linked = supersede(original, (await readDecision(db, number))!, statusEvent(event))
  // Unreachable: callers check that the original is supersedable; throwing rolls back the insert.
  if (!linked.ok) throw new Error(linked.error)
  await storeStatus(db, linked.value.original)
  return (await readDecision(db, number))!
}

async function insertDecision(
  db: Db,
  next: NewDecision,
  event: ChangeEvent,
  supersedes: number | null,
): Promise<number> {
  const [row] = await db
    .insert(decisionRecords)
    .values({ ...decisionColumns(next), status: next.status, supersedes, createdAt: event.at })
    .returning({ number: decisionRecords.number })
  const { number } = row!
  await db
    .insert(decisionStatusEvents)
    .values({ recordNumber: number, ...statusEvent(event), status: next.status })
  return number
}

/** Stores a status the rules produced: the status, the successor link, and the latest event. */
async function storeStatus(db: Db, record: DecisionRecord): Promise<void> {
  await db
    .update(decisionRecords)
    .set(statusColumns(record))
    .where(eq(decisionRecords.number, record.number))
  const event = record.history.at(-1)!
  await db.insert(decisionStatusEvents).values({ recordNumber: record.number, ...event })
}

async function readDecision(db: Db, number: number): Promise<DecisionRecord | null> {
  const rows = await db.select().from(decisionRecords).where(eq(decisionRecords.number, number))
  return (await withHistories(db, rows))[0] ?? null
}

async function withHistories(db: Db, rows: readonly DecisionRow[]): Promise<DecisionRecord[]> {
  if (rows.length === 0) return []
  const events = await db
    .select()
    .from(decisionStatusEvents)
    .where(
      inArray(
        decisionStatusEvents.recordNumber,
        rows.map((row) => row.number),
      ),
    )
    .orderBy(asc(decisionStatusEvents.seq))
  return toDecisionRecords(rows, events)
}

// ---- Action items ----------------------------------------------------------------------------

/** Inserts a new item, or brings an existing one (same workshop, same key) up to date. */
async function upsertAction(
  db: Db,
  draft: ActionDraft,
  by: string | null,
  at: Date,
): Promise<ActionItemRecord> {
  const [existing] = await db
    .select()
    .from(actionItems)
    .where(and(roomIs(actionItems.roomId, draft.source.roomId), eq(actionItems.key, draft.key)))
  if (!existing) {
    const [row] = await db
      .insert(actionItems)
      .values(newActionColumns(draft, at))
      .returning({ id: actionItems.id })
    return (await readAction(db, row!.id))!
  }
  const { columns, changes } = actionSaved(existing, draft, by, at)
  await db.update(actionItems).set(columns).where(eq(actionItems.id, existing.id))
  await logChanges(db, existing.id, changes)
  return (await readAction(db, existing.id))!
}

async function logChanges(db: Db, itemId: number, changes: readonly ActionChange[]) {
  if (changes.length === 0) return
  await db.insert(actionItemEvents).values(changes.map((change) => ({ itemId, ...change })))
}

async function readAction(db: Db, id: number): Promise<ActionItemRecord | null> {
  const rows = await db.select().from(actionItems).where(eq(actionItems.id, id))
  return (await withChanges(db, rows))[0] ?? null
}

async function withChanges(db: Db, rows: readonly ActionRow[]): Promise<ActionItemRecord[]> {
  if (rows.length === 0) return []
  const events = await db
    .select()
    .from(actionItemEvents)
    .where(
      inArray(
        actionItemEvents.itemId,
        rows.map((row) => row.id),
      ),
    )
    .orderBy(asc(actionItemEvents.seq))
  return toActionRecords(rows, events)
}

// ---- Workshop outputs ------------------------------------------------------------------------

async function replaceOutputs(db: Db, records: WorkshopRecords) {
  const roomId = records.source.roomId
  await db.delete(workshopOutputs).where(eq(workshopOutputs.roomId, roomId))
  const rows = outputRows(records)
  if (rows.length > 0) {
    await db.insert(workshopOutputs).values(rows.map((row) => ({ roomId, ...row })))
  }
}

// ---- Shared ----------------------------------------------------------------------------------

/** A room id of '' stands for "no board" (a room deleted since, or none): stored as null. */
const roomIs = (column: PgColumn, roomId: string) => (roomId ? eq(column, roomId) : isNull(column))

/** Whether a JSON array column holds `value`. */
const jsonHas = (column: PgColumn, value: string) =>
  sql`exists (select 1 from json_array_elements_text(${column}) as element(value) where element.value = ${noNul(value)})`

import { ok, type Result } from '@accord/facilitation'
import {
  type ActionChange,
  type ActionDraft,
  type ActionItemRecord,
  type ActionUpdate,
  changeStatus,
  checkEditable,
  checkSupersedable,
  addCommitments,
  decisionContent,
  sameDecision,
  type DecisionContent,
  type DecisionDraft,
  type DecisionRecord,
  type DecisionStatus,
  type RiskRecord,
  type RecordSource,
  type StatusEvent,
  supersede,
  type ThemeRecord,
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

/** Who made a change, when, and (optionally) why. */
interface ChangeEvent {
  readonly by: string | null
  readonly at: Date
  readonly note?: string
}

/** A decision about to be stored: its content, status, day and source. */
interface NewDecision {
  readonly content: DecisionContent
  readonly status: DecisionStatus
  readonly date: string
  readonly source: RecordSource
}

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
    const of = <T>(kind: (typeof rows)[number]['kind']) =>
      rows.filter((row) => row.kind === kind).map((row) => row.data as T)
    return {
      risks: of<RiskRecord>('risk'),
      themes: of<ThemeRecord>('theme'),
      insights: of<string>('insight'),
      needs: of<string>('need'),
    }
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

/** The columns that follow from a decision's content and source (not its status or links). */
function decisionColumns({ content, date, source }: NewDecision) {
  return {
    date,
    roomId: source.roomId || null,
    template: source.template,
    workshopTitle: source.workshopTitle,
    content,
    sourceShapeIds: [...source.shapeIds],
    searchText: searchTextOf(content, source.workshopTitle),
    ownerKeys: content.decisionMakers.map(keyOf),
    tagKeys: content.tags.map(keyOf),
  }
}

/** Stores a status the rules produced: the status, the successor link, and the latest event. */
function storeStatus(db: Db, record: DecisionRecord) {
  db.update(decisionRecords)
    .set({
      status: record.status,
      supersededBy: record.supersededBy === null ? null : numberOf('DR', record.supersededBy),
    })
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
  return rows.map((row) => ({
    ...row.content,
    id: drId(row.number),
    number: row.number,
    status: row.status,
    date: row.date,
    source: sourceOf(row),
    supersedes: row.supersedes === null ? null : drId(row.supersedes),
    supersededBy: row.supersededBy === null ? null : drId(row.supersededBy),
    history: events
      .filter((event) => event.recordNumber === row.number)
      .map(({ status, by, at, note }) => ({ status, by, at, note })),
  }))
}

const newDecision = (draft: DecisionDraft): NewDecision => ({
  content: decisionContent(draft),
  status: draft.status,
  date: draft.date,
  source: draft.source,
})

/** Everything a person might search a decision by, lowercased. */
function searchTextOf(c: DecisionContent, workshopTitle: string): string {
  const stance = (s: DecisionContent['stances'][number]) => [s.name ?? '', s.stance, s.reason]
  return [
    c.title,
    c.context,
    ...c.drivers,
    ...c.options.flatMap((option) => [option.title, option.pros, option.cons]),
    c.decision,
    c.rationale,
    c.consequences,
    ...c.decisionMakers,
    ...c.consulted,
    ...c.informed,
    ...c.participants,
    ...c.stances.flatMap(stance),
    ...c.dissent.flatMap(stance),
    ...c.commitments.map((commitment) => commitment.name),
    ...c.tags,
    workshopTitle,
  ]
    .filter((part) => part !== '')
    .map(keyOf)
    .join('\n')
}

const statusEvent = ({ by, at, note }: ChangeEvent) => ({
  by,
  at: at.toISOString(),
  note: note ?? '',
})

// ---- Action items ----------------------------------------------------------------------------

/** Inserts a new item, or brings an existing one (same workshop, same key) up to date. */
function upsertAction(db: Db, draft: ActionDraft, by: string | null, at: Date): ActionItemRecord {
  const existing = db
    .select()
    .from(actionItems)
    .where(and(roomIs(actionItems.roomId, draft.source.roomId), eq(actionItems.key, draft.key)))
    .get()
  const board = { boardText: draft.text, boardOwnerName: draft.ownerName, boardDue: draft.due }
  const source = {
    template: draft.source.template,
    workshopTitle: draft.source.workshopTitle,
    sourceShapeIds: [...draft.source.shapeIds],
  }
  if (!existing) {
    const { id } = db
      .insert(actionItems)
      .values({
        ...source,
        ...board,
        text: draft.text,
        ownerName: draft.ownerName,
        ownerKey: keyOf(draft.ownerName),
        due: draft.due,
        roomId: draft.source.roomId || null,
        key: draft.key,
        status: draft.status,
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: actionItems.id })
      .get()
    return readAction(db, id)!
  }
  // Only what changed on the board since the last save is taken from it; a change made in the
  // follow-up view since then stands.
  const fromBoard = <T>(current: T, lastSaved: T, now: T): T => (now === lastSaved ? current : now)
  const text = fromBoard(existing.text, existing.boardText, draft.text)
  const ownerName = fromBoard(existing.ownerName, existing.boardOwnerName, draft.ownerName)
  const due = fromBoard(existing.due, existing.boardDue, draft.due)
  const iso = at.toISOString()
  const change = (field: ActionChange['field'], from: string | null, to: string | null) =>
    from === to ? [] : [{ field, from, to, by, at: iso }]
  const changes: ActionChange[] = [
    ...change('text', existing.text, text),
    ...change('owner', existing.ownerName, ownerName),
    ...change('due', existing.due, due),
  ]
  db.update(actionItems)
    .set({
      ...source,
      ...board,
      text,
      ownerName,
      ownerKey: keyOf(ownerName),
      due,
      ...(changes.length > 0 ? { updatedAt: at } : {}),
    })
    .where(eq(actionItems.id, existing.id))
    .run()
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
  return rows.map((row) => ({
    id: `AI-${row.id}`,
    source: sourceOf(row),
    text: row.text,
    ownerName: row.ownerName,
    due: row.due,
    status: row.status,
    history: events
      .filter((event) => event.itemId === row.id)
      .map(({ field, from, to, by, at }) => ({ field, from, to, by, at })),
  }))
}

// ---- Workshop outputs ------------------------------------------------------------------------

function replaceOutputs(db: Db, records: WorkshopRecords) {
  const roomId = records.source.roomId
  db.delete(workshopOutputs).where(eq(workshopOutputs.roomId, roomId)).run()
  const rows = [
    ...records.risks.map((data, position) => ({ kind: 'risk' as const, position, data })),
    ...records.themes.map((data, position) => ({ kind: 'theme' as const, position, data })),
    ...records.insights.map((data, position) => ({ kind: 'insight' as const, position, data })),
    ...records.needs.map((data, position) => ({ kind: 'need' as const, position, data })),
  ]
  if (rows.length > 0) {
    db.insert(workshopOutputs)
      .values(rows.map((row) => ({ roomId, ...row })))
      .run()
  }
}

// ---- Shared ----------------------------------------------------------------------------------

/** `DR-12` → 12 (any case); anything else → null. */
function numberOf(prefix: 'DR' | 'AI', id: string): number | null {
  const match = /^([a-z]+)-(\d{1,15})$/i.exec(id.trim())
  if (!match || match[1]!.toUpperCase() !== prefix) return null
  const number = Number(match[2])
  return number > 0 ? number : null
}

const drId = (number: number) => `DR-${number}`

/** How names, tags and search words are compared: trimmed, NFC, lowercased. */
const keyOf = (text: string) => text.normalize('NFC').trim().toLowerCase()

const words = (q: string) => keyOf(q).split(/\s+/).filter(Boolean)

const dayOf = (at: Date) => at.toISOString().slice(0, 10)

/** A room id of '' stands for "no board" (a room deleted since, or none): stored as null. */
const roomIs = (column: SQLiteColumn, roomId: string) =>
  roomId ? eq(column, roomId) : isNull(column)

function sourceOf(row: {
  roomId: string | null
  workshopTitle: string
  template: string
  sourceShapeIds: string[]
}): RecordSource {
  return {
    roomId: row.roomId ?? '',
    workshopTitle: row.workshopTitle,
    template: row.template,
    shapeIds: row.sourceShapeIds,
  }
}

/** Whether a JSON array column holds `value`. */
const jsonHas = (column: SQLiteColumn, value: string) =>
  sql`exists (select 1 from json_each(${column}) where json_each.value = ${value})`

import { ok, type Result } from '@accord/facilitation'
import {
  type ActionChange,
  type ActionDraft,
  type ActionItemRecord,
  type ActionStatus,
  type ActionUpdate,
  aboutText,
  changeStatus,
  checkEditable,
  checkSupersedable,
  decisionContent,
  type DecisionContent,
  type DecisionDraft,
  type DecisionRecord,
  type DecisionStatus,
  lateCommitments,
  resemblance,
  type RiskRecord,
  searchTerms,
  type SimilarDecision,
  sameDecision,
  settledBy,
  type StatusEvent,
  storedDecisionContent,
  supersede,
  type ThemeRecord,
  updateAction,
  type WorkshopRecords,
  type WorkshopEvent,
} from '@accord/records'
import {
  and,
  asc,
  type Column,
  desc,
  eq,
  gte,
  inArray,
  isNull,
  lt,
  lte,
  ne,
  type SQL,
  sql,
} from 'drizzle-orm'
import {
  type BoardSnapshot,
  type BoardState,
  keepBoardSnapshot,
  readBoardSnapshot,
} from './decision-snapshots.js'
import type { Tables } from './dialect/query-builder.js'
import type { SqlDialect } from './dialect/sql-dialect.js'
import { lock, rows, run, type Steps } from './dialect/steps.js'
import {
  type ActionRow,
  actionSaved,
  type ChangeEvent,
  dayOf,
  decisionColumns,
  type DecisionRow,
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

/** What a save of a workshop left: its decision record (if it reached one) and its action items. */
export interface SavedWorkshop {
  /** The room's current record after the save, or null when the workshop reached no decision. */
  readonly decision: DecisionRecord | null
  /** The saved items, in the order of `records.actions`. */
  readonly actions: ActionItemRecord[]
}

/** Filters of the decision log; every given one must match. */
export interface DecisionQuery {
  /**
   * Words, each of which the record's searchable text must have (full text, stemmed, a word's
   * start enough: rec:SG1); common words are left out, and text of common words only is looked
   * for as written.
   */
  readonly q?: string
  readonly status?: DecisionStatus
  /** A decision-maker's name, case-insensitive. */
  readonly owner?: string
  readonly template?: string
  /** A tag, case-insensitive. */
  readonly tag?: string
  /** First and last day (YYYY-MM-DD, inclusive) of the record's date. */
  readonly from?: string
  readonly to?: string
}

/** How many candidates the full-text index hands the guard to weigh (the best-ranked). */
const SIMILAR_CANDIDATES = 25

export interface ActionItemQuery {
  /** The owner's name, case-insensitive. */
  readonly owner?: string
  readonly status?: ActionStatus
  readonly roomId?: string
  /** Only open items due before this day (YYYY-MM-DD). */
  readonly overdueOn?: string
}

export interface WorkshopOutputs {
  readonly risks: RiskRecord[]
  readonly themes: ThemeRecord[]
  readonly insights: string[]
  readonly needs: string[]
}

/**
 * The records workshops leave: decision records (immutable once accepted, superseded rather than
 * edited, every status change logged), action items (updated with history), and each workshop's
 * risks, themes, insights and needs. Where a rule refuses, the result is `{ ok: false, error }`;
 * an unknown id is null. Ids are `DR-<n>` and `AI-<n>`.
 */
export interface RecordRepository {
  /**
   * Saves what a workshop left, in one transaction. Action items are upserted by their key (new
   * ones take the draft's status; existing ones keep theirs, and changes to their text, owner or
   * due date are logged); risks, themes, insights and needs replace the previous ones. The
   * decision: inserted if the room has no current (non-superseded) record; edited in place while
   * that record is proposed (its status follows the draft's, logged); if it is accepted or
   * rejected and the content differs, a new record supersedes it; identical content changes
   * nothing, and so does content identical to an earlier record of the room (the board unchanged
   * since that record was superseded by hand). With no decision in `records`, any existing record
   * is left as it is. A decision this save accepts keeps `board` as it is now (rec:BS1).
   */
  saveWorkshop(
    records: WorkshopRecords,
    by: string | null,
    at: Date,
    board?: BoardState,
  ): Promise<SavedWorkshop>

  /**
   * Takes in commitments made after the room's decision was accepted (rec:DR4): when `draft` says
   * what the room's current, accepted record says, the people in its commitments who have not
   * committed yet are appended to that record's ledger. Returns the record as it reads now, or
   * null when the room has no accepted record saying that.
   */
  followCommitments(draft: DecisionDraft): Promise<DecisionRecord | null>

  /**
   * Records a decision now (a free-form "Record decision"): a new record with one status event,
   * naming its decider for a settled one (rec:DR8); an accepted one keeps `board` (rec:BS1).
   */
  createDecision(
    draft: DecisionDraft,
    by: string | null,
    at: Date,
    board?: BoardState,
  ): Promise<DecisionRecord>
  decision(id: string): Promise<DecisionRecord | null>
  /**
   * [rec:BS1] The board as it was when the record was first accepted, or null when none was kept
   * (never accepted, accepted before Accord kept them, or its board had been deleted).
   */
  boardSnapshot(id: string): Promise<BoardSnapshot | null>
  /** The decision log, newest first (by date, then number). */
  searchDecisions(query?: DecisionQuery): Promise<DecisionRecord[]>
  /**
   * The re-litigation guard (rec:SG1): accepted decisions that resemble `text` (a proposal being
   * written), closest first, at most `limit`, each with the words it shares with it.
   */
  similarDecisions(text: string, limit?: number): Promise<SimilarDecision[]>
  /**
   * A status change people make directly (accept, reject, re-propose), logged as `event`; a record
   * accepted keeps `board` (rec:BS1).
   */
  changeDecisionStatus(
    id: string,
    to: DecisionStatus,
    event: Omit<StatusEvent, 'status'>,
    board?: BoardState,
    /** The record its workshop revisits: accepted, this one supersedes it (rec:DR10). */
    revisits?: string | null,
  ): Promise<Result<DecisionRecord> | null>
  /**
   * Replaces an accepted (or rejected) record with a new, accepted one carrying `content`: both
   * link to each other, the original's content stays as it was and its status becomes superseded.
   * The new record keeps `board` (rec:BS1).
   */
  supersedeDecision(
    id: string,
    content: DecisionContent,
    by: string | null,
    at: Date,
    note?: string,
    board?: BoardState,
  ): Promise<Result<{ original: DecisionRecord; successor: DecisionRecord }> | null>
  /** Every record from a room, oldest first. */
  decisionsOfRoom(roomId: string): Promise<DecisionRecord[]>
  /**
   * [rec:LG1] Appends what a change in a room's workshop did to its decision (proposed, a stance
   * given…), at `at`: the ledger of every record the workshop keeps lists them.
   */
  appendWorkshopEvents(roomId: string, events: readonly WorkshopEvent[], at: Date): Promise<void>

  /**
   * [fac:AI5] An action item as someone just made or changed it on its board: stored now (its
   * text, owner and due date as given, changes logged; its status kept), upserted by its key.
   */
  setActionItem(draft: ActionDraft, by: string | null, at: Date): Promise<ActionItemRecord>

  /** Action items across workshops: by due date (undated last), then id. */
  actionItems(query?: ActionItemQuery): Promise<ActionItemRecord[]>
  actionItem(id: string): Promise<ActionItemRecord | null>
  updateActionItem(
    id: string,
    update: ActionUpdate,
    by: string | null,
    at: Date,
  ): Promise<Result<ActionItemRecord> | null>

  /** A workshop's risks, themes, insights and needs as last saved, in order. */
  workshopOutputs(roomId: string): Promise<WorkshopOutputs>
}

/** The advisory lock every write to the records takes (any number: the same in every process). */
const RECORDS_LOCK = 0x5265636f7264 // "Record"

/**
 * The records in SQL, for either dialect, with SQLite's isolation on both: every write is one
 * transaction, and writes take turns (an advisory lock held to the end of each), as SQLite's
 * single writer makes them — so two saves of one workshop cannot both insert its decision, in
 * one process or several. Reads see one snapshot.
 */
export class SqlRecordRepository implements RecordRepository {
  constructor(private readonly db: SqlDialect) {}

  saveWorkshop(
    records: WorkshopRecords,
    by: string | null,
    at: Date,
    board?: BoardState,
  ): Promise<SavedWorkshop> {
    return this.write(function* (t) {
      const actions: ActionItemRecord[] = []
      for (const draft of records.actions) actions.push(yield* upsertAction(t, draft, by, at))
      yield* replaceOutputs(t, records)
      if (!records.decision) return { decision: null, actions }
      // What the save may accept: the room's record as it stands (read only to keep its board).
      const before = board ? yield* currentDecision(t, records.decision.source.roomId) : null
      const decision = yield* saveDecision(t, records.decision, by, at, records.revisits)
      yield* keepBoardSnapshot(t, before, decision, board, at)
      return { decision, actions }
    })
  }

  followCommitments(draft: DecisionDraft): Promise<DecisionRecord | null> {
    return this.write(function* (t) {
      const record = yield* currentDecision(t, draft.source.roomId)
      if (record?.status !== 'accepted' || !sameDecision(record, draft)) return null
      yield* appendCommitments(t, record, draft.commitments)
      return (yield* readDecision(t, record.number))!
    })
  }

  appendWorkshopEvents(roomId: string, events: readonly WorkshopEvent[], at: Date): Promise<void> {
    if (events.length === 0) return Promise.resolve()
    return this.write(function* (t) {
      const stamp = at.toISOString()
      yield* run((q) =>
        q
          .insert(t.workshopEvents)
          .values(events.map(({ kind, by, note }) => ({ roomId, kind, by, note, at: stamp }))),
      )
    })
  }

  createDecision(
    draft: DecisionDraft,
    by: string | null,
    at: Date,
    board?: BoardState,
  ): Promise<DecisionRecord> {
    return this.write(function* (t) {
      const number = yield* insertDecision(
        t,
        newDecision(draft),
        { ...settledBy(draft, by), at },
        null,
      )
      const created = (yield* readDecision(t, number))!
      yield* keepBoardSnapshot(t, null, created, board, at)
      return created
    })
  }

  async decision(id: string): Promise<DecisionRecord | null> {
    const number = numberOf('DR', id)
    return number === null ? null : this.read((t) => readDecision(t, number))
  }

  async boardSnapshot(id: string): Promise<BoardSnapshot | null> {
    const number = numberOf('DR', id)
    return number === null ? null : this.read((t) => readBoardSnapshot(t, number))
  }

  searchDecisions(query: DecisionQuery = {}): Promise<DecisionRecord[]> {
    const { decisionRecords } = this.db.tables
    const { search } = this.db
    const conditions: SQL[] = []
    const terms = searchTerms(query.q ?? '')
    if (terms.length > 0) {
      const { number, searchText } = decisionRecords
      const { matches } = search.decisionText(number, searchText, {
        terms,
        every: true,
        prefix: true,
      })
      conditions.push(matches)
    } else {
      // Only common words ("the"): look for them as written.
      for (const word of words(query.q ?? '')) {
        conditions.push(search.contains(decisionRecords.searchText, word))
      }
    }
    if (query.status) conditions.push(eq(decisionRecords.status, query.status))
    if (query.template) conditions.push(eq(decisionRecords.template, query.template))
    if (query.owner?.trim()) {
      conditions.push(search.includes(decisionRecords.ownerKeys, keyOf(query.owner)))
    }
    if (query.tag?.trim()) {
      conditions.push(search.includes(decisionRecords.tagKeys, keyOf(query.tag)))
    }
    if (query.from) conditions.push(gte(decisionRecords.date, query.from))
    if (query.to) conditions.push(lte(decisionRecords.date, query.to))
    return this.read(function* (t) {
      const found = yield* rows((q) =>
        q
          .select()
          .from(decisionRecords)
          .where(and(...conditions))
          .orderBy(desc(decisionRecords.date), desc(decisionRecords.number)),
      )
      return yield* withHistories(t, found)
    })
  }

  async similarDecisions(text: string, limit = 5): Promise<SimilarDecision[]> {
    const terms = searchTerms(text, 3)
    if (terms.length === 0) return []
    const { decisionRecords } = this.db.tables
    const { matches, relevance } = this.db.search.decisionText(
      decisionRecords.number,
      decisionRecords.searchText,
      { terms, every: false, prefix: false },
    )
    const candidates = await this.read(function* (t) {
      const found = yield* rows((q) =>
        q
          .select()
          .from(decisionRecords)
          .where(and(eq(decisionRecords.status, 'accepted'), matches))
          .orderBy(desc(relevance), desc(decisionRecords.number))
          .limit(SIMILAR_CANDIDATES),
      )
      return yield* withHistories(t, found)
    })
    // The index picks the candidates; the order is the guard's, the same on either database.
    return candidates
      .map((record) => ({ record, ...resemblance(terms, aboutText(record)) }))
      .filter((found) => found.similar)
      .sort((a, b) => b.shared.length - a.shared.length || b.record.number - a.record.number)
      .slice(0, limit)
      .map(({ record, shared }) => ({ record, shared }))
  }

  async changeDecisionStatus(
    id: string,
    to: DecisionStatus,
    event: Omit<StatusEvent, 'status'>,
    board?: BoardState,
    revisits: string | null = null,
  ): Promise<Result<DecisionRecord> | null> {
    const number = numberOf('DR', id)
    if (number === null) return null
    return this.write(function* (t) {
      const record = yield* readDecision(t, number)
      if (!record) return null
      const changed = changeStatus(record, to, event)
      if (!changed.ok) return changed
      yield* storeStatus(t, changed.value)
      const stored = (yield* readDecision(t, number))!
      yield* keepBoardSnapshot(t, record, stored, board, new Date(event.at))
      // Accepted on the record page, a revisit's proposal replaces what it revisits, as an
      // acceptance in its workshop does.
      if (revisits && to === 'accepted' && stored.supersedes === null) {
        const at = new Date(event.at)
        return ok(yield* replaceRevisited(t, revisits, stored, { by: event.by, at }))
      }
      return ok(stored)
    })
  }

  async supersedeDecision(
    id: string,
    content: DecisionContent,
    by: string | null,
    at: Date,
    note = '',
    board?: BoardState,
  ): Promise<Result<{ original: DecisionRecord; successor: DecisionRecord }> | null> {
    const number = numberOf('DR', id)
    if (number === null) return null
    return this.write(function* (t) {
      const original = yield* readDecision(t, number)
      if (!original) return null
      const supersedable = checkSupersedable(original)
      if (!supersedable.ok) return supersedable
      const successor = yield* supersedeWith(
        t,
        original,
        {
          content: decisionContent(content),
          status: 'accepted',
          date: dayOf(at),
          // Written on the record page, not drawn from the board: its workshop, but no region
          // (the region still shows what the original said).
          source: { ...original.source, shapeIds: [] },
        },
        { by, at, note },
      )
      yield* keepBoardSnapshot(t, null, successor, board, at)
      return ok({ original: (yield* readDecision(t, number))!, successor })
    })
  }

  decisionsOfRoom(roomId: string): Promise<DecisionRecord[]> {
    return this.read(function* (t) {
      const { decisionRecords } = t
      const found = yield* rows((q) =>
        q
          .select()
          .from(decisionRecords)
          .where(eq(decisionRecords.roomId, roomId))
          .orderBy(asc(decisionRecords.number)),
      )
      return yield* withHistories(t, found)
    })
  }

  setActionItem(draft: ActionDraft, by: string | null, at: Date): Promise<ActionItemRecord> {
    return this.write((t) => upsertAction(t, draft, by, at, true))
  }

  actionItems(query: ActionItemQuery = {}): Promise<ActionItemRecord[]> {
    const { actionItems } = this.db.tables
    const conditions: SQL[] = []
    if (query.owner?.trim()) conditions.push(eq(actionItems.ownerKey, keyOf(query.owner)))
    if (query.status) conditions.push(eq(actionItems.status, query.status))
    if (query.roomId) conditions.push(eq(actionItems.roomId, query.roomId))
    if (query.overdueOn) {
      conditions.push(eq(actionItems.status, 'open'), lt(actionItems.due, query.overdueOn))
    }
    return this.read(function* (t) {
      const found = yield* rows((q) =>
        q
          .select()
          .from(actionItems)
          .where(and(...conditions))
          .orderBy(sql`${actionItems.due} is null`, asc(actionItems.due), asc(actionItems.id)),
      )
      return yield* withChanges(t, found)
    })
  }

  async actionItem(id: string): Promise<ActionItemRecord | null> {
    const number = numberOf('AI', id)
    return number === null ? null : this.read((t) => readAction(t, number))
  }

  async updateActionItem(
    id: string,
    update: ActionUpdate,
    by: string | null,
    at: Date,
  ): Promise<Result<ActionItemRecord> | null> {
    const number = numberOf('AI', id)
    if (number === null) return null
    return this.write(function* (t) {
      const { actionItems } = t
      const item = yield* readAction(t, number)
      if (!item) return null
      const updated = updateAction(item, update, by, at.toISOString())
      if (!updated.ok) return updated
      const { status, ownerName, due } = updated.value
      yield* run((q) =>
        q
          .update(actionItems)
          .set({ status, ownerName, ownerKey: keyOf(ownerName), due, updatedAt: at })
          .where(eq(actionItems.id, number)),
      )
      yield* logChanges(t, number, updated.value.history.slice(item.history.length))
      return ok((yield* readAction(t, number))!)
    })
  }

  async workshopOutputs(roomId: string): Promise<WorkshopOutputs> {
    const { workshopOutputs } = this.db.tables
    const outputs = await this.db.rows((q) =>
      q
        .select()
        .from(workshopOutputs)
        .where(eq(workshopOutputs.roomId, roomId))
        .orderBy(asc(workshopOutputs.position)),
    )
    return outputsOf(outputs)
  }

  private write<T>(body: (t: Tables) => Steps<T>): Promise<T> {
    const { tables } = this.db
    return this.db.write(function* () {
      yield* lock({ key: RECORDS_LOCK })
      return yield* body(tables)
    })
  }

  private read<T>(body: (t: Tables) => Steps<T>): Promise<T> {
    const { tables } = this.db
    return this.db.read(() => body(tables))
  }
}

// ---- Decisions -------------------------------------------------------------------------------

/**
 * The workshop's decision against the room's current record: new, edited while proposed,
 * superseded once accepted or rejected, or left alone when nothing in it changed.
 */
function* saveDecision(
  t: Tables,
  draft: DecisionDraft,
  by: string | null,
  at: Date,
  revisits: string | null,
): Steps<DecisionRecord> {
  const saved = yield* saveRoomDecision(t, draft, by, at)
  // Accepted, the decision replaces the one its workshop revisits (rec:DR10) — not before.
  if (revisits && saved.status === 'accepted' && saved.supersedes === null) {
    return yield* replaceRevisited(t, revisits, saved, { ...settledBy(draft, by), at })
  }
  return saved
}

/**
 * [rec:DR10] Links an accepted record to the one its workshop revisits: that one is superseded by
 * it (its content as it was), both naming each other. Left alone if it was superseded meanwhile.
 */
function* replaceRevisited(
  t: Tables,
  revisitedId: string,
  successor: DecisionRecord,
  event: ChangeEvent,
): Steps<DecisionRecord> {
  const number = numberOf('DR', revisitedId)
  const original = number === null ? null : yield* readDecision(t, number)
  if (!original || !checkSupersedable(original).ok) return successor
  const { decisionRecords } = t
  yield* run((q) =>
    q
      .update(decisionRecords)
      .set({ supersedes: original.number })
      .where(eq(decisionRecords.number, successor.number)),
  )
  const linked = supersede(original, successor, statusEvent(event))
  if (!linked.ok) return successor
  yield* storeStatus(t, linked.value.original)
  return (yield* readDecision(t, successor.number))!
}

/** The room's own decision record: new, edited while proposed, superseded once settled. */
function* saveRoomDecision(
  t: Tables,
  draft: DecisionDraft,
  by: string | null,
  at: Date,
): Steps<DecisionRecord> {
  const { decisionRecords } = t
  const record = yield* currentDecision(t, draft.source.roomId)
  const next = newDecision(draft)
  // The decider settled it, whoever saved it (rec:DR8).
  const event = { ...settledBy(draft, by), at }
  if (!record) {
    return (yield* readDecision(t, yield* insertDecision(t, next, event, null)))!
  }
  if (checkEditable(record).ok) {
    yield* run((q) =>
      q
        .update(decisionRecords)
        .set(decisionColumns(next))
        .where(eq(decisionRecords.number, record.number)),
    )
    if (draft.status !== record.status) {
      const changed = changeStatus(record, draft.status, statusEvent(event))
      if (changed.ok) yield* storeStatus(t, changed.value)
    }
    return (yield* readDecision(t, record.number))!
  }
  // A settled decision is superseded only by another settled one: a workshop reopened and closed
  // again before deciding anew leaves it as it is.
  if (draft.status === 'proposed') return record
  // The same decision, committed to by more people since: its ledger takes them in (rec:DR4).
  if (sameDecision(record, next.content)) {
    if (record.status === 'accepted') {
      yield* appendCommitments(t, record, next.content.commitments)
    }
    return (yield* readDecision(t, record.number))!
  }
  // Nor does closing again with a board that still says what an earlier record of this room said
  // undo a change made since (a record superseded by hand through the decision log).
  const earlier = yield* rows((q) =>
    q
      .select({ content: decisionRecords.content })
      .from(decisionRecords)
      .where(roomIs(decisionRecords.roomId, draft.source.roomId)),
  )
  if (earlier.some((row) => sameDecision(storedDecisionContent(row.content), next.content)))
    return record
  // Named for the decider; the notes say which record replaced which.
  return yield* supersedeWith(t, record, next, { ...event, note: '' })
}

/** The room's current (newest, not superseded) record, if it has one. */
function* currentDecision(t: Tables, roomId: string): Steps<DecisionRecord | null> {
  const { decisionRecords } = t
  const [current] = yield* rows((q) =>
    q
      .select({ number: decisionRecords.number })
      .from(decisionRecords)
      .where(and(roomIs(decisionRecords.roomId, roomId), ne(decisionRecords.status, 'superseded')))
      .orderBy(desc(decisionRecords.number))
      .limit(1),
  )
  return current ? yield* readDecision(t, current.number) : null
}

/** Appends to a record's ledger a commitment for each person in `commitments` new to it. */
function* appendCommitments(
  t: Tables,
  record: DecisionRecord,
  commitments: DecisionContent['commitments'],
): Steps<void> {
  const events = lateCommitments(record, commitments)
  if (events.length === 0) return
  yield* run((q) =>
    q
      .insert(t.decisionEvents)
      .values(
        events.map(({ by, at }) => ({ recordNumber: record.number, kind: 'committed', by, at })),
      ),
  )
}

/** Inserts `next` as the successor of `original` and links both; returns the successor. */
function* supersedeWith(
  t: Tables,
  original: DecisionRecord,
  next: NewDecision,
  event: ChangeEvent,
): Steps<DecisionRecord> {
  const number = yield* insertDecision(
    t,
    next,
    { ...event, note: event.note || `supersedes ${original.id}` },
    original.number,
  )
  const linked = supersede(original, (yield* readDecision(t, number))!, statusEvent(event))
  // Unreachable: callers check that the original is supersedable; throwing rolls back the insert.
  if (!linked.ok) throw new Error(linked.error)
  yield* storeStatus(t, linked.value.original)
  return (yield* readDecision(t, number))!
}

function* insertDecision(
  t: Tables,
  next: NewDecision,
  event: ChangeEvent,
  supersedes: number | null,
): Steps<number> {
  const { decisionRecords, decisionStatusEvents } = t
  const [row] = yield* rows((q) =>
    q
      .insert(decisionRecords)
      .values({ ...decisionColumns(next), status: next.status, supersedes, createdAt: event.at })
      .returning({ number: decisionRecords.number }),
  )
  const { number } = row!
  yield* run((q) =>
    q
      .insert(decisionStatusEvents)
      .values({ recordNumber: number, ...statusEvent(event), status: next.status }),
  )
  return number
}

/** Stores a status the rules produced: the status, the successor link, and the latest event. */
function* storeStatus(t: Tables, record: DecisionRecord): Steps<void> {
  const { decisionRecords, decisionStatusEvents } = t
  yield* run((q) =>
    q
      .update(decisionRecords)
      .set(statusColumns(record))
      .where(eq(decisionRecords.number, record.number)),
  )
  const event = record.history.at(-1)!
  yield* run((q) =>
    q.insert(decisionStatusEvents).values({ recordNumber: record.number, ...event }),
  )
}

function* readDecision(t: Tables, number: number): Steps<DecisionRecord | null> {
  const { decisionRecords } = t
  const found = yield* rows((q) =>
    q.select().from(decisionRecords).where(eq(decisionRecords.number, number)),
  )
  return (yield* withHistories(t, found))[0] ?? null
}

/** Records with their status history and ledger. */
function* withHistories(t: Tables, records: readonly DecisionRow[]): Steps<DecisionRecord[]> {
  if (records.length === 0) return []
  const { decisionStatusEvents, decisionEvents, workshopEvents } = t
  const numbers = records.map((row) => row.number)
  const events = yield* rows((q) =>
    q
      .select()
      .from(decisionStatusEvents)
      .where(inArray(decisionStatusEvents.recordNumber, numbers))
      .orderBy(asc(decisionStatusEvents.seq)),
  )
  const ledger = yield* rows((q) =>
    q
      .select()
      .from(decisionEvents)
      .where(inArray(decisionEvents.recordNumber, numbers))
      .orderBy(asc(decisionEvents.seq)),
  )
  const rooms = [
    ...new Set(
      records.flatMap((row) => (row.roomId && row.sourceShapeIds.length > 0 ? [row.roomId] : [])),
    ),
  ]
  const reached =
    rooms.length === 0
      ? []
      : yield* rows((q) =>
          q
            .select()
            .from(workshopEvents)
            .where(inArray(workshopEvents.roomId, rooms))
            .orderBy(asc(workshopEvents.seq)),
        )
  return toDecisionRecords(records, events, ledger, reached)
}

// ---- Action items ----------------------------------------------------------------------------

/** Inserts a new item, or brings an existing one (same workshop, same key) up to date. */
function* upsertAction(
  t: Tables,
  draft: ActionDraft,
  by: string | null,
  at: Date,
  explicit = false,
): Steps<ActionItemRecord> {
  const { actionItems } = t
  const [existing] = yield* rows((q) =>
    q
      .select()
      .from(actionItems)
      .where(and(roomIs(actionItems.roomId, draft.source.roomId), eq(actionItems.key, draft.key))),
  )
  if (!existing) {
    const [row] = yield* rows((q) =>
      q.insert(actionItems).values(newActionColumns(draft, at)).returning({ id: actionItems.id }),
    )
    return (yield* readAction(t, row!.id))!
  }
  const { columns, changes } = actionSaved(existing, draft, by, at, explicit)
  yield* run((q) => q.update(actionItems).set(columns).where(eq(actionItems.id, existing.id)))
  yield* logChanges(t, existing.id, changes)
  return (yield* readAction(t, existing.id))!
}

function* logChanges(t: Tables, itemId: number, changes: readonly ActionChange[]): Steps<void> {
  if (changes.length === 0) return
  yield* run((q) =>
    q.insert(t.actionItemEvents).values(changes.map((change) => ({ itemId, ...change }))),
  )
}

function* readAction(t: Tables, id: number): Steps<ActionItemRecord | null> {
  const { actionItems } = t
  const found = yield* rows((q) => q.select().from(actionItems).where(eq(actionItems.id, id)))
  return (yield* withChanges(t, found))[0] ?? null
}

function* withChanges(t: Tables, items: readonly ActionRow[]): Steps<ActionItemRecord[]> {
  if (items.length === 0) return []
  const { actionItemEvents } = t
  const events = yield* rows((q) =>
    q
      .select()
      .from(actionItemEvents)
      .where(
        inArray(
          actionItemEvents.itemId,
          items.map((row) => row.id),
        ),
      )
      .orderBy(asc(actionItemEvents.seq)),
  )
  return toActionRecords(items, events)
}

// ---- Workshop outputs ------------------------------------------------------------------------

function* replaceOutputs(t: Tables, records: WorkshopRecords): Steps<void> {
  const { workshopOutputs } = t
  const roomId = records.source.roomId
  yield* run((q) => q.delete(workshopOutputs).where(eq(workshopOutputs.roomId, roomId)))
  const outputs = outputRows(records)
  if (outputs.length > 0) {
    yield* run((q) => q.insert(workshopOutputs).values(outputs.map((row) => ({ roomId, ...row }))))
  }
}

// ---- Shared ----------------------------------------------------------------------------------

/** A room id of '' stands for "no board" (a room deleted since, or none): stored as null. */
const roomIs = (column: Column, roomId: string) => (roomId ? eq(column, roomId) : isNull(column))

/**
 * How records become rows and rows become records, for the record repository. Pure functions
 * only; the repository (`record-repository.ts`) keeps the queries and transactions.
 */
import {
  type ActionChange,
  type ActionDraft,
  type ActionItemRecord,
  type ActionStatus,
  type DecisionContent,
  type DecisionDraft,
  type DecisionRecord,
  type DecisionStatus,
  decisionContent,
  type LedgerEvent,
  type RecordSource,
  type RiskRecord,
  type StatusEvent,
  storedDecisionContent,
  type StoredDecisionContent,
  type ThemeRecord,
  withLedger,
  type WorkshopRecords,
} from '@accord/records'
import type { WorkshopOutputs } from './record-repository.js'
import type { WorkshopOutputData } from './schema/records.js'

/** Who made a change, when, and (optionally) why. */
export interface ChangeEvent {
  readonly by: string | null
  readonly at: Date
  readonly note?: string
}

/** A decision about to be stored: its content, status, day and source. */
export interface NewDecision {
  readonly content: DecisionContent
  readonly status: DecisionStatus
  readonly date: string
  readonly source: RecordSource
}

/** The columns of a decision row the records are built from (both schemas have them). */
export interface DecisionRow {
  readonly number: number
  readonly status: DecisionStatus
  readonly date: string
  readonly roomId: string | null
  readonly template: string
  readonly workshopTitle: string
  readonly content: StoredDecisionContent
  readonly sourceShapeIds: string[]
  readonly supersedes: number | null
  readonly supersededBy: number | null
}

export interface StatusEventRow extends StatusEvent {
  readonly recordNumber: number
}

export interface LedgerEventRow extends Omit<LedgerEvent, 'note'> {
  readonly recordNumber: number
}

/** A workshop's event (rec:LG1), kept by room. */
export interface WorkshopEventRow extends LedgerEvent {
  readonly roomId: string
}

export interface ActionRow {
  readonly id: number
  readonly roomId: string | null
  readonly template: string
  readonly workshopTitle: string
  readonly sourceShapeIds: string[]
  readonly text: string
  readonly ownerName: string
  readonly due: string | null
  readonly status: ActionStatus
  readonly boardText: string
  readonly boardOwnerName: string
  readonly boardDue: string | null
}

export interface ActionEventRow extends ActionChange {
  readonly itemId: number
}

export type OutputKind = 'risk' | 'theme' | 'insight' | 'need'

export interface OutputRow {
  readonly kind: OutputKind
  readonly position: number
  readonly data: WorkshopOutputData
}

// ---- Decisions -------------------------------------------------------------------------------

export const newDecision = (draft: DecisionDraft): NewDecision => ({
  content: decisionContent(draft),
  status: draft.status,
  date: draft.date,
  source: draft.source,
})

/** The columns that follow from a decision's content and source (not its status or links). */
export function decisionColumns({ content, date, source }: NewDecision) {
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

/** The columns a status change writes: the status and the successor link. */
export const statusColumns = (record: DecisionRecord) => ({
  status: record.status,
  supersededBy: record.supersededBy === null ? null : numberOf('DR', record.supersededBy),
})

export const statusEvent = ({ by, at, note }: ChangeEvent) => ({
  by,
  at: at.toISOString(),
  note: note ?? '',
})

/** Records from their rows, status events and ledger events (each list in the order stored). */
export function toDecisionRecords(
  rows: readonly DecisionRow[],
  events: readonly StatusEventRow[],
  ledger: readonly LedgerEventRow[],
  workshopEvents: readonly WorkshopEventRow[] = [],
): DecisionRecord[] {
  const of = <E extends { recordNumber: number }>(all: readonly E[], row: DecisionRow) =>
    all.filter((event) => event.recordNumber === row.number)
  const stored = rows.map((row) => ({
    ...storedDecisionContent(row.content),
    id: drId(row.number),
    number: row.number,
    status: row.status,
    date: row.date,
    source: sourceOf(row),
    supersedes: row.supersedes === null ? null : drId(row.supersedes),
    supersededBy: row.supersededBy === null ? null : drId(row.supersededBy),
    history: of(events, row).map(({ status, by, at, note }) => ({ status, by, at, note })),
  }))
  return stored.map((record, index) => {
    const row = rows[index]!
    // How its workshop reached it: a record from the board has its room's events; one written
    // elsewhere (a supersede on the record page) has none of them.
    const reached =
      record.source.shapeIds.length > 0
        ? workshopEvents.filter((event) => event.roomId === row.roomId)
        : []
    const after = of(ledger, row).map(({ kind, by, at }) => ({ kind, by, at, note: '' }))
    return withLedger(
      record,
      inTimeOrder([...reached.map(({ kind, by, at, note }) => ({ kind, by, at, note })), ...after]),
    )
  })
}

/** Events from two append-only lists, oldest first (a stable sort keeps each list's order). */
const inTimeOrder = (events: readonly LedgerEvent[]) =>
  [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))

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

// ---- Action items ----------------------------------------------------------------------------

/** The columns of a new action item from its draft. */
export function newActionColumns(draft: ActionDraft, at: Date) {
  return {
    ...actionSourceColumns(draft),
    ...boardColumns(draft),
    text: draft.text,
    ownerName: draft.ownerName,
    ownerKey: keyOf(draft.ownerName),
    due: draft.due,
    roomId: draft.source.roomId || null,
    key: draft.key,
    status: draft.status,
    createdAt: at,
    updatedAt: at,
  }
}

/**
 * An existing item brought up to date with a new save of its workshop: only what changed on the
 * board since the last save is taken from it; a change made in the follow-up view since stands.
 * `explicit`: someone set the item just now (`action.set`): every field is as they gave it.
 */
export function actionSaved(
  existing: ActionRow,
  draft: ActionDraft,
  by: string | null,
  at: Date,
  explicit = false,
) {
  const fromBoard = <T>(current: T, lastSaved: T, now: T): T =>
    !explicit && now === lastSaved ? current : now
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
  const columns = {
    ...actionSourceColumns(draft),
    ...boardColumns(draft),
    text,
    ownerName,
    ownerKey: keyOf(ownerName),
    due,
    ...(changes.length > 0 ? { updatedAt: at } : {}),
  }
  return { columns, changes }
}

const boardColumns = (draft: ActionDraft) => ({
  boardText: draft.text,
  boardOwnerName: draft.ownerName,
  boardDue: draft.due,
})

const actionSourceColumns = (draft: ActionDraft) => ({
  template: draft.source.template,
  workshopTitle: draft.source.workshopTitle,
  sourceShapeIds: [...draft.source.shapeIds],
})

export function toActionRecords(
  rows: readonly ActionRow[],
  events: readonly ActionEventRow[],
): ActionItemRecord[] {
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

/** A workshop's risks, themes, insights and needs as rows, each kind numbered from 0. */
export function outputRows(records: WorkshopRecords): OutputRow[] {
  return [
    ...records.risks.map((data, position) => ({ kind: 'risk' as const, position, data })),
    ...records.themes.map((data, position) => ({ kind: 'theme' as const, position, data })),
    ...records.insights.map((data, position) => ({ kind: 'insight' as const, position, data })),
    ...records.needs.map((data, position) => ({ kind: 'need' as const, position, data })),
  ]
}

/** Rows (in position order) back into a workshop's outputs. */
export function outputsOf(rows: readonly OutputRow[]): WorkshopOutputs {
  const of = <T>(kind: OutputKind) =>
    rows.filter((row) => row.kind === kind).map((row) => row.data as T)
  return {
    risks: of<RiskRecord>('risk'),
    themes: of<ThemeRecord>('theme'),
    insights: of<string>('insight'),
    needs: of<string>('need'),
  }
}

// ---- Shared ----------------------------------------------------------------------------------

/** The largest DR or AI number: PostgreSQL's `integer`. */
const MAX_NUMBER = 2 ** 31 - 1

/** `DR-12` → 12 (any case); anything else, or a number no record can have, → null. */
export function numberOf(prefix: 'DR' | 'AI', id: string): number | null {
  const match = /^([a-z]+)-(\d{1,15})$/i.exec(id.trim())
  if (!match || match[1]!.toUpperCase() !== prefix) return null
  const number = Number(match[2])
  return number > 0 && number <= MAX_NUMBER ? number : null
}

const drId = (number: number) => `DR-${number}`

/** How names, tags and search words are compared: trimmed, NFC, lowercased. */
export const keyOf = (text: string) => text.normalize('NFC').trim().toLowerCase()

export const words = (q: string) => keyOf(q).split(/\s+/).filter(Boolean)

export const dayOf = (at: Date) => at.toISOString().slice(0, 10)

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

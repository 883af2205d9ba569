/**
 * The life of a decision record. Its content can change only while it is proposed; once accepted
 * it is never edited in place — a change is a new record that supersedes it, and both link to each
 * other. Every status change is logged with who and when.
 */
import { err, ok, type Result } from '@accord/facilitation'
import type {
  DecisionContent,
  DecisionDraft,
  DecisionRecord,
  LedgerEvent,
  DecisionStatus,
  StatusEvent,
} from './model.js'
import { ledgerEventLabels } from './model.js'

/** Status changes people may make directly (superseding happens only through a new record). */
const allowed: Readonly<Record<DecisionStatus, readonly DecisionStatus[]>> = {
  proposed: ['accepted', 'rejected'],
  rejected: ['proposed'],
  accepted: [],
  superseded: [],
}

/** [rec:DR1] Moves a record to another status, logging who and when. */
export function changeStatus(
  record: DecisionRecord,
  to: DecisionStatus,
  event: Omit<StatusEvent, 'status'>,
): Result<DecisionRecord> {
  if (record.status === to) return err(`${record.id} is already ${to}`)
  if (!allowed[record.status].includes(to)) {
    return err(
      record.status === 'accepted' && to !== 'superseded'
        ? `${record.id} is accepted: it can only be superseded by a new record`
        : `${record.id} cannot go from ${record.status} to ${to}${to === 'superseded' ? ': supersede it with a new record' : ''}`,
    )
  }
  return ok({ ...record, status: to, history: [...record.history, { ...event, status: to }] })
}

/** [rec:DR2] May this record's content be edited in place? Only while it is proposed. */
export function checkEditable(record: DecisionRecord): Result<void> {
  return record.status === 'proposed'
    ? ok(undefined)
    : err(`${record.id} is ${record.status}: its content is kept as it is; supersede it instead`)
}

/** [rec:DR3] May a new record supersede this one? An accepted (or rejected) one, not yet superseded. */
export function checkSupersedable(record: DecisionRecord): Result<void> {
  if (record.status === 'superseded')
    return err(`${record.id} is already superseded by ${record.supersededBy ?? 'another record'}`)
  if (record.status === 'proposed') return err(`${record.id} is only proposed: edit it instead`)
  return ok(undefined)
}

/**
 * [rec:DR3] The two sides of a supersede: the original marked superseded with a link to its
 * successor (its content untouched), and the successor linking back.
 */
export function supersede(
  original: DecisionRecord,
  successor: DecisionRecord,
  event: Omit<StatusEvent, 'status'>,
): Result<{ original: DecisionRecord; successor: DecisionRecord }> {
  const supersedable = checkSupersedable(original)
  if (!supersedable.ok) return supersedable
  return ok({
    original: {
      ...original,
      status: 'superseded',
      supersededBy: successor.id,
      history: [
        ...original.history,
        { ...event, status: 'superseded', note: event.note || `superseded by ${successor.id}` },
      ],
    },
    successor: { ...successor, supersedes: original.id },
  })
}

/** [rec:DR4] Who took part but has not committed (yet), in the order they took part. */
export function notCommitted(
  record: Pick<DecisionContent, 'participants' | 'commitments'>,
): string[] {
  const committed = new Set(record.commitments.map((c) => c.name))
  return record.participants.filter((name) => !committed.has(name))
}

/**
 * [rec:DR8] Whom a workshop's save names for its decision's status: the decider, for a decision
 * they settled (accepted or rejected) — not whoever saved or closed the workshop, who is named in
 * the note; the one saving, for a proposal.
 */
export function settledBy(
  draft: Pick<DecisionDraft, 'status' | 'decisionMakers'>,
  savedBy: string | null,
): { by: string | null; note: string } {
  const decider = draft.status === 'proposed' ? null : (draft.decisionMakers[0] ?? null)
  if (decider === null || decider === savedBy) return { by: savedBy, note: '' }
  return { by: decider, note: savedBy === null ? '' : `recorded by ${savedBy}` }
}

/**
 * [rec:DR7] The record a workshop's board shows the decision of: the newest one made from the board
 * (a save or a close), whatever became of it since; a record written on the record page has no
 * board region and is not it. Null when the board has made none.
 */
export function boardDecision<T extends Pick<DecisionRecord, 'number' | 'source'>>(
  records: readonly T[],
): T | null {
  const fromBoard = records.filter((record) => record.source.shapeIds.length > 0)
  return [...fromBoard].sort((a, b) => b.number - a.number)[0] ?? null
}

/** What a record written to supersede another may change (the record page's form). */
const successorFields = [
  'title',
  'context',
  'drivers',
  'options',
  'chosenOption',
  'decision',
  'rationale',
  'consequences',
  'decisionMakers',
  'consulted',
  'informed',
  'tags',
] as const satisfies readonly (keyof DecisionContent)[]

export type SuccessorChanges = Partial<Pick<DecisionContent, (typeof successorFields)[number]>>

/**
 * [rec:DR6] The content of a record written by `author` to supersede `original`: what the decision
 * says starts from the original's words (title, context, drivers, options, decision, rationale,
 * consequences, who to inform, tags) with the changes given — but who took part, their stances,
 * the dissent, the commitments and any acknowledgment are its own, never copied: the successor
 * names `author` as its decision-maker (unless others are given) and its only participant, and
 * nobody as consulted, having stanced, dissented or committed.
 */
export function successorContent(
  original: DecisionContent,
  changes: SuccessorChanges,
  author: string,
): DecisionContent {
  const or = <T>(value: T | undefined, fallback: T): T => (value === undefined ? fallback : value)
  return {
    title: or(changes.title, original.title),
    context: or(changes.context, original.context),
    drivers: or(changes.drivers, original.drivers),
    options: or(changes.options, original.options),
    chosenOption: or(changes.chosenOption, original.chosenOption),
    decision: or(changes.decision, original.decision),
    rationale: or(changes.rationale, original.rationale),
    consequences: or(changes.consequences, original.consequences),
    acknowledgment: '',
    decisionMakers: or(changes.decisionMakers, [author]),
    consulted: or(changes.consulted, []),
    informed: or(changes.informed, original.informed),
    participants: [author],
    stances: [],
    dissent: [],
    commitments: [],
    tags: or(changes.tags, original.tags),
  }
}

/** Does a successor with these changes say anything its original did not? */
export function changesAnything(original: DecisionContent, changes: SuccessorChanges): boolean {
  return successorFields.some(
    (field) =>
      changes[field] !== undefined &&
      JSON.stringify(changes[field]) !== JSON.stringify(original[field]),
  )
}

/**
 * [rec:DR4] Commitments acknowledge a decision; they are not part of what it says. A commitment
 * made after the record was settled is a ledger event, never written into its content: the
 * events for the people in `commitments` who have not committed to `record` yet.
 */
export function lateCommitments(
  record: Pick<DecisionContent, 'commitments'>,
  commitments: DecisionContent['commitments'],
): LedgerEvent[] {
  const known = new Set(record.commitments.map((c) => c.name))
  const events: LedgerEvent[] = []
  for (const { name, at } of commitments) {
    if (known.has(name)) continue
    known.add(name) // once each, however often a list names them
    events.push({ kind: 'committed', by: name, at, note: '' })
  }
  return events
}

/**
 * [rec:DR4] A stored record as people read it: its content as fixed, its ledger, and the
 * commitments the ledger holds listed after the ones made in the workshop.
 */
export function withLedger<R extends DecisionContent>(
  record: R,
  ledger: readonly LedgerEvent[],
): R & { readonly ledger: readonly LedgerEvent[] } {
  const late = lateCommitments(
    record,
    ledger.filter((event) => event.kind === 'committed').map(({ by, at }) => ({ name: by, at })),
  )
  return {
    ...record,
    commitments: [...record.commitments, ...late.map(({ by, at }) => ({ name: by, at }))],
    ledger,
  }
}

/**
 * [rec:DR4] For a commitment its ledger holds (made after the record was accepted), how long
 * after the decision it came ("2 days after the decision"); null for one made in the workshop.
 */
export function afterDecision(
  record: Pick<DecisionRecord, 'history' | 'ledger'>,
  commitment: { readonly name: string; readonly at: string },
): string | null {
  const late = record.ledger.some(
    (event) => event.kind === 'committed' && event.by === commitment.name,
  )
  const accepted = record.history.find((event) => event.status === 'accepted')
  if (!late || !accepted) return null
  const minutes = Math.floor((Date.parse(commitment.at) - Date.parse(accepted.at)) / 60_000)
  if (!(minutes >= 1)) return 'after the decision'
  const [amount, unit] =
    minutes < 120
      ? [minutes, 'minute']
      : minutes < 48 * 60
        ? [Math.floor(minutes / 60), 'hour']
        : [Math.floor(minutes / 1440), 'day']
  return `${amount} ${unit}${amount === 1 ? '' : 's'} after the decision`
}

/** Do two records say the same thing, leaving aside who has committed to it? */
export function sameDecision(a: DecisionContent, b: DecisionContent): boolean {
  const said = (c: DecisionContent) => canonical({ ...decisionContent(c), commitments: [] })
  return said(a) === said(b)
}

/** A decision's content fields, in the order they are stored and compared. */
const contentKeys = [
  'title',
  'context',
  'drivers',
  'options',
  'chosenOption',
  'decision',
  'rationale',
  'consequences',
  'acknowledgment',
  'decisionMakers',
  'consulted',
  'informed',
  'participants',
  'stances',
  'dissent',
  'commitments',
  'tags',
] as const satisfies readonly (keyof DecisionContent)[]

/** Exactly a decision's content fields (nothing else a record carries), in a fixed order. */
export function decisionContent(c: DecisionContent): DecisionContent {
  // Every key of DecisionContent is listed above, so the object built is a DecisionContent.
  return Object.fromEntries(contentKeys.map((key) => [key, c[key]])) as unknown as DecisionContent
}

/** Content as an older version of Accord stored it: without the fields added since. */
export type StoredDecisionContent = Omit<DecisionContent, 'acknowledgment'> &
  Partial<Pick<DecisionContent, 'acknowledgment'>>

/** [rec:DR5] Stored content read back: a field added since it was stored gets its empty value. */
export function storedDecisionContent(stored: StoredDecisionContent): DecisionContent {
  return { ...stored, acknowledgment: stored.acknowledgment ?? '' }
}

/** JSON with object keys sorted, so equal content compares equal whatever its key order. */
const canonical = (value: unknown) =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  )

/** [rec:LG1] One ledger event as people read it: "Faye proposed it: Move to Postgres". */
export function ledgerLine(event: Pick<LedgerEvent, 'kind' | 'by' | 'note'>): string {
  const note = event.note.trim()
  return `${event.by} ${ledgerEventLabels[event.kind]}${note ? `: ${note}` : ''}`
}

/**
 * [rec:RN4] Everything a workshop has produced, as versioned JSON: `schema` names the format
 * (`accord.workshop/1`; a change that breaks readers bumps the number), `workshop` says which
 * one, `result` is the template's structured result, `records` what it leaves to store (the
 * decision draft, actions, risks, themes, insights, needs) and `decisions` the decision records
 * already stored for it, numbered and with their history. The format is documented by
 * `schema/workshop-export.schema.json` (JSON Schema 2020-12). One decision record alone has its
 * own format, `accord.decision/1` (`decisionJson`), whose schema refers to the same definitions.
 *
 * Stable: the same workshop gives the same bytes. Accord's own objects are written field by field
 * in a fixed order; the template's result, whose fields vary by template, has its keys sorted
 * (so a result read back from a database that reorders keys exports the same). Two-space
 * indentation, a final newline.
 */
import type { ResultBase } from '@accord/templates'
import type {
  ActionDraft,
  DecisionContent,
  DecisionDraft,
  DecisionRecord,
  RecordSource,
  RiskRecord,
  ThemeRecord,
  WorkshopRecords,
} from '../model.js'
import { madrFileName } from './madr-filename.js'
import { boardLink, type ExportMeta, iso, templateName } from './meta.js'

export const WORKSHOP_EXPORT_SCHEMA = 'accord.workshop/1'

export interface WorkshopExportInput {
  readonly workshop: ExportMeta
  readonly result: ResultBase
  readonly records: WorkshopRecords
  /** The decision records stored for this workshop, if any. */
  readonly decisions?: readonly DecisionRecord[]
}

/** [rec:JS1] The export as a value. */
export function workshopExport(input: WorkshopExportInput) {
  const { workshop, result, records } = input
  return {
    schema: WORKSHOP_EXPORT_SCHEMA,
    workshop: {
      roomId: workshop.roomId,
      title: workshop.title,
      template: workshop.template,
      templateName: templateName(workshop.template),
      closedAt: workshop.closedAt === null ? null : iso(workshop.closedAt),
      board: boardLink(workshop.roomId, workshop.origin),
    },
    result: sortedKeys(result),
    records: {
      source: source(records.source),
      decision: records.decision ? draft(records.decision) : null,
      revisits: records.revisits,
      actions: records.actions.map(action),
      risks: records.risks.map(risk),
      themes: records.themes.map(theme),
      insights: [...records.insights],
      needs: [...records.needs],
    },
    decisions: (input.decisions ?? []).map(stored),
  }
}

/** [rec:JS1] The export as a file's text. */
export function workshopJson(input: WorkshopExportInput): string {
  return `${JSON.stringify(workshopExport(input), null, 2)}\n`
}

export const DECISION_EXPORT_SCHEMA = 'accord.decision/1'

/**
 * [rec:JS2] One decision record as versioned JSON (`accord.decision/1`, documented by
 * `schema/decision-export.schema.json`): the record as the workshop export writes its stored
 * decisions, the board it came from and the name of its MADR file.
 */
export function decisionExport(record: DecisionRecord, origin: string | null = null) {
  return {
    schema: DECISION_EXPORT_SCHEMA,
    decision: stored(record),
    board: boardLink(record.source.roomId, origin),
    madrFile: madrFileName(record),
  }
}

/** [rec:JS2] The decision export as a file's text. */
export function decisionJson(record: DecisionRecord, origin: string | null = null): string {
  return `${JSON.stringify(decisionExport(record, origin), null, 2)}\n`
}

const source = (s: RecordSource) => ({
  roomId: s.roomId,
  workshopTitle: s.workshopTitle,
  template: s.template,
  shapeIds: [...s.shapeIds],
})

const content = (d: DecisionContent) => ({
  title: d.title,
  context: d.context,
  drivers: [...d.drivers],
  options: d.options.map(({ title, pros, cons }) => ({ title, pros, cons })),
  chosenOption: d.chosenOption,
  decision: d.decision,
  rationale: d.rationale,
  consequences: d.consequences,
  acknowledgment: d.acknowledgment,
  decisionMakers: [...d.decisionMakers],
  consulted: [...d.consulted],
  informed: [...d.informed],
  participants: [...d.participants],
  stances: d.stances.map(({ name, stance, reason }) => ({ name, stance, reason })),
  dissent: d.dissent.map(({ name, stance, reason }) => ({ name, stance, reason })),
  commitments: d.commitments.map(({ name, at }) => ({ name, at })),
  tags: [...d.tags],
})

const draft = (d: DecisionDraft) => ({
  status: d.status,
  date: d.date,
  ...content(d),
  source: source(d.source),
})

const stored = (d: DecisionRecord) => ({
  id: d.id,
  number: d.number,
  status: d.status,
  date: d.date,
  ...content(d),
  source: source(d.source),
  supersedes: d.supersedes,
  supersededBy: d.supersededBy,
  history: d.history.map(({ status, by, at, note }) => ({ status, by, at, note })),
  ledger: d.ledger.map(({ kind, by, at, note }) => ({ kind, by, at, note })),
})

const action = (a: ActionDraft) => ({
  key: a.key,
  text: a.text,
  ownerName: a.ownerName,
  due: a.due,
  status: a.status,
  source: source(a.source),
})

const risk = (r: RiskRecord) => ({
  name: r.name,
  reasons: [...r.reasons],
  rank: r.rank,
  score: r.score,
  likelihood: r.likelihood,
  impact: r.impact,
  mitigation: r.mitigation,
  ownerName: r.ownerName,
  shapeId: r.shapeId,
})

const theme = (t: ThemeRecord) => ({
  name: t.name,
  notes: [...t.notes],
  dots: t.dots,
  rank: t.rank,
  discussionNote: t.discussionNote,
  shapeId: t.shapeId,
})

/** A JSON value with every object's keys sorted (JavaScript's default order), all the way down. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys)
  if (typeof value !== 'object' || value === null) return value
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])]),
  )
}

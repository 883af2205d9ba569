/**
 * The decision log across workshops: search, read, export as MADR; status changes and superseding
 * by a facilitator of the workshop a record came from. Which status changes are allowed is
 * `@accord/records`' rule (`changeStatus`, `checkSupersedable`), not this contract's.
 */
import { type DecisionRecord, decisionStatuses, type SimilarDecision } from '@accord/records'
import { z } from 'zod'
import { route } from './route.js'
import { isoDay, longText, plainText } from './text.js'

/** The decision log's filters; every one given must match. */
export const decisionQuery = z.object({
  /** Words, each of which must appear (case-insensitive) in the record's searchable text. */
  q: z.string().max(200).optional(),
  status: z.enum(decisionStatuses).optional(),
  /** A decision-maker's whole name, case-insensitive. */
  owner: z.string().max(80).optional(),
  template: z.string().max(60).optional(),
  /** A tag, case-insensitive. */
  tag: z.string().max(60).optional(),
  /** First and last day (inclusive) of the record's date. */
  from: isoDay.optional(),
  to: isoDay.optional(),
})
export type DecisionQuery = z.input<typeof decisionQuery>

/** The re-litigation guard's question: a proposal's text as it is being written. */
export const similarDecisionsQuery = z.object({ text: z.string().max(4000) })

export const decisionStatusBody = z.object({
  status: z.enum(decisionStatuses),
  note: plainText(500).default(''),
})
export type DecisionStatusChange = z.input<typeof decisionStatusBody>

const names = z.array(plainText(80)).max(50)
/** A title a decision or an option cannot do without. */
const title = () => plainText(200).pipe(z.string().min(1, 'must not be empty'))

/** What a superseding record may change; everything else is carried over from the original. */
export const supersedeBody = z.object({
  title: title().optional(),
  context: longText(4000).optional(),
  drivers: z.array(plainText(200)).max(20).optional(),
  options: z
    .array(z.object({ title: title(), pros: longText(1000), cons: longText(1000) }))
    .max(10)
    .optional(),
  chosenOption: plainText(200).nullable().optional(),
  decision: longText(4000)
    .refine((text) => text.trim() !== '', 'must not be empty')
    .optional(),
  rationale: longText(4000).optional(),
  consequences: longText(4000).optional(),
  decisionMakers: names.optional(),
  consulted: names.optional(),
  informed: names.optional(),
  tags: z.array(plainText(40)).max(20).optional(),
  /** Why it is superseded, kept in the original's history. */
  note: plainText(500).default(''),
})
export type SupersedeChanges = z.input<typeof supersedeBody>

/** The two records a supersede leaves, linked to each other. */
export interface Superseded {
  readonly original: DecisionRecord
  readonly successor: DecisionRecord
}

export const decisionExportFormats = ['md', 'json'] as const
/** `?format=`: MADR Markdown when absent. The server answers `format: md or json` otherwise. */
export const decisionExportQuery = z.object({ format: z.enum(decisionExportFormats).optional() })

/** The whole log, or the part the filters select, as one download. */
export const decisionLogExportQuery = decisionQuery.extend({
  /** `madr`: a ZIP of a `decisions/` folder, one MADR file per record and an `index.md`. */
  format: z.enum(['madr']).optional(),
})
/** How many records one folder download may hold; past it, narrow the filters. */
export const DECISION_LOG_EXPORT_MAX = 5000

export const decisionRoutes = {
  search: route<DecisionRecord[]>()({
    method: 'GET',
    path: '/api/decisions',
    summary: 'The decision log, newest first, filtered.',
    credentials: 'instance',
    query: decisionQuery,
    answer: 'json',
  }),
  similar: route<SimilarDecision[]>()({
    method: 'GET',
    path: '/api/decisions/similar',
    summary:
      'Accepted decisions that resemble a proposal being written, closest first (at most 5).',
    credentials: 'instance',
    query: similarDecisionsQuery,
    answer: 'json',
  }),
  exportLog: route<never>()({
    method: 'GET',
    path: '/api/decisions/export',
    summary: 'The decision log (filtered like the search) as a ZIP of MADR files with an index.',
    credentials: 'instance',
    query: decisionLogExportQuery,
    answer: 'file',
  }),
  read: route<DecisionRecord>()({
    method: 'GET',
    path: '/api/decisions/:id',
    summary: 'One decision record (`DR-n`).',
    credentials: 'instance',
    answer: 'json',
  }),
  boardState: route<never>()({
    method: 'GET',
    path: '/api/decisions/:id/board-state',
    summary:
      'The board as it was when the record was accepted: a Yjs update (application/octet-stream), taken at `Last-Modified`; 404 `snapshot_not_found` when none was kept.',
    credentials: 'instance',
    answer: 'file',
  }),
  export: route<never>()({
    method: 'GET',
    path: '/api/decisions/:id/export',
    summary: 'One decision record as a MADR Markdown or JSON file.',
    credentials: 'instance',
    query: decisionExportQuery,
    answer: 'file',
  }),
  changeStatus: route<DecisionRecord>()({
    method: 'POST',
    path: '/api/decisions/:id/status',
    summary: 'Accepts, rejects or re-proposes a record, as a facilitator of its workshop.',
    credentials: 'instance+room',
    body: decisionStatusBody,
    answer: 'json',
  }),
  supersede: route<Superseded>()({
    method: 'POST',
    path: '/api/decisions/:id/supersede',
    summary: 'Replaces a settled record with a new one; both link to each other.',
    credentials: 'instance+room',
    body: supersedeBody,
    status: 201,
    answer: 'json',
  }),
} as const

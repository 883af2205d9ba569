/**
 * A pre-mortem's output: the plan and its owner, and the risk register — every risk (a cluster of
 * reasons) ranked by dots or by likelihood × impact, with its mitigation and owner.
 */
import { notesByRegion, themes } from '../board.js'
import { rankBy } from '../ranking.js'
import { z } from 'zod'
import {
  boardActions,
  closedVoteDots,
  participants,
  participantSchema,
  resultActionSchema,
  resultBaseSchema,
  type ResultAction,
} from '../result-parts.js'
import type { ResultBase, ResultInput } from '../template.js'
import { isScoreSheet, type ScoredRisk } from './scores.js'

export interface Owned {
  readonly ownerId: string
  readonly ownerName: string
}

export interface PreMortemData {
  readonly plan: (Owned & { readonly statement: string }) | null
  /** Who has handed in scores (never what they scored). */
  readonly scorers: readonly string[]
  /** Set when the facilitator closes the scoring. */
  readonly scores: Readonly<Record<string, ScoredRisk>> | null
  readonly mitigations: Readonly<Record<string, Owned & { readonly text: string }>>
}

export interface RegisterEntry {
  readonly id: string
  readonly name: string
  readonly reasons: readonly string[]
  readonly dots: number | null
  readonly likelihood: number | null
  readonly impact: number | null
  /** What the ranking used: dots, or likelihood × impact. */
  readonly score: number | null
  readonly rank: number | null
  readonly mitigation: (Owned & { readonly text: string }) | null
}

export interface PreMortemResult extends ResultBase {
  readonly template: 'pre-mortem'
  readonly prompt: string
  readonly plan: PreMortemData['plan']
  readonly ranking: 'dots' | 'scores'
  readonly risks: readonly RegisterEntry[]
  /** Reasons shared but not clustered into any risk. */
  readonly unclustered: readonly string[]
  readonly actions: readonly ResultAction[]
  readonly participants: readonly { id: string; name: string; role: string }[]
}

const owned = { ownerId: z.string(), ownerName: z.string() }

export const preMortemResultSchema: z.ZodType<PreMortemResult> = resultBaseSchema.extend({
  template: z.literal('pre-mortem'),
  prompt: z.string(),
  plan: z.object({ ...owned, statement: z.string() }).nullable(),
  ranking: z.enum(['dots', 'scores']),
  risks: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      reasons: z.array(z.string()),
      dots: z.number().nullable(),
      likelihood: z.number().nullable(),
      impact: z.number().nullable(),
      score: z.number().nullable(),
      rank: z.number().nullable(),
      mitigation: z.object({ ...owned, text: z.string() }).nullable(),
    }),
  ),
  unclustered: z.array(z.string()),
  actions: z.array(resultActionSchema),
  participants: z.array(participantSchema),
})

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

const isOwned = (v: unknown): v is Owned =>
  isObject(v) && typeof v.ownerId === 'string' && typeof v.ownerName === 'string'

export function readPreMortemData(data: Readonly<Record<string, unknown>>): PreMortemData {
  const plan = data.plan
  const mitigations = isObject(data.mitigations) ? data.mitigations : {}
  return {
    plan:
      isOwned(plan) && isObject(plan) && typeof plan.statement === 'string'
        ? { statement: plan.statement, ownerId: plan.ownerId, ownerName: plan.ownerName }
        : null,
    scorers: Array.isArray(data.scorers)
      ? data.scorers.filter((id): id is string => typeof id === 'string')
      : [],
    scores:
      isObject(data.scores) && isScoreSheet(data.scores)
        ? (data.scores as Record<string, ScoredRisk>)
        : null,
    mitigations: Object.fromEntries(
      Object.entries(mitigations).filter(
        (entry): entry is [string, Owned & { text: string }] =>
          isOwned(entry[1]) && typeof (entry[1] as { text?: unknown }).text === 'string',
      ),
    ),
  }
}

/** [tpl:PM1] The ranked risk register. */
export function preMortemResult(input: ResultInput): PreMortemResult {
  const data = readPreMortemData(input.data)
  const ranking = input.options.ranking === 'scores' ? 'scores' : 'dots'
  const dots = closedVoteDots(input.state)
  const risks = themes(input.records)
  const clustered = new Set(risks.flatMap((risk) => risk.notes.map((note) => note.id)))
  const scoreOf = (id: string): number | null =>
    ranking === 'scores' ? (data.scores?.[id]?.score ?? null) : (dots?.get(id) ?? null)
  const ranked = rankBy(risks, (risk) => scoreOf(risk.id))
  return {
    template: 'pre-mortem',
    title: input.title,
    prompt: typeof input.options.prompt === 'string' ? input.options.prompt : '',
    plan: data.plan,
    ranking,
    risks: ranked.map((risk) => ({
      id: risk.id,
      name: risk.name,
      reasons: risk.notes.map((note) => note.text),
      dots: dots?.get(risk.id) ?? null,
      likelihood: data.scores?.[risk.id]?.likelihood ?? null,
      impact: data.scores?.[risk.id]?.impact ?? null,
      score: scoreOf(risk.id),
      rank: risk.rank,
      mitigation: data.mitigations[risk.id] ?? null,
    })),
    unclustered: (notesByRegion(input.records).get('reasons') ?? [])
      .filter((note) => !clustered.has(note.id))
      .map((note) => note.text),
    actions: boardActions(input.records),
    participants: participants(input.members),
  }
}

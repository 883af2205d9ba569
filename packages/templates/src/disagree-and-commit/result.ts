/**
 * A disagree-and-commit session's output: the proposal (with its drivers, who to inform and its
 * tags) and who decides, the stances (named unless the room is anonymous), the dissent in the
 * dissenters' own words, the decision with its rationale and consequences, and who committed.
 */
import { z } from 'zod'
import { type BoardNote, notesByRegion } from '../board.js'
import {
  boardActions,
  participants,
  participantSchema,
  resultActionSchema,
  resultBaseSchema,
  type ResultAction,
} from '../result-parts.js'
import type { ResultBase, ResultInput, RevisitedDecision } from '../template.js'
import {
  isDissent,
  isStance,
  type Scale,
  type Stance,
  type StanceSummary,
  summarise,
} from './stances.js'

export interface ConsideredOption {
  readonly title: string
  readonly pros: string
  readonly cons: string
}

export interface Proposal {
  readonly title: string
  readonly context: string
  readonly options: readonly ConsideredOption[]
  /** The decision drivers: what the decision must satisfy. */
  readonly drivers: readonly string[]
  /** People or teams to tell once it is decided. */
  readonly informed: readonly string[]
  readonly tags: readonly string[]
  readonly deciderId: string
  readonly deciderName: string
}

/** A revealed stance: with its author's name, or none in an anonymous room. */
export interface RevealedStance extends Stance {
  readonly memberId: string | null
  readonly name: string | null
}

export interface Decision {
  readonly outcome: 'accepted' | 'rejected'
  /** The option chosen, if the proposal listed options. */
  readonly option: string | null
  readonly text: string
  readonly rationale: string
  /** What follows from it, good and bad. */
  readonly consequences: string
  /**
   * Accepted over a block (or a fist of 0): how the decider heard it, in their words — required
   * then, and empty otherwise.
   */
  readonly acknowledgment: string
  readonly deciderId: string
  readonly deciderName: string
  readonly at: number
}

export interface Commitment {
  readonly memberId: string
  readonly name: string
  readonly at: number
}

/** The facilitator changed the proposal after stances were given on it: they were set aside. */
export interface ProposalChange {
  readonly at: number
  readonly byName: string
  /** How many stances were given on the wording it replaced (never revealed). */
  readonly setAside: number
}

/** The settled decision a workshop revisits (rec:DR10). */
export interface Revisits {
  readonly id: string
  readonly title: string
  readonly date: string
}

export interface DecisionData {
  readonly proposal: Proposal | null
  /** The record this workshop revisits: superseded only once it accepts a new decision. */
  readonly revisits: Revisits | null
  /** Its words, to start the proposal from until one is written. */
  readonly draft: RevisitedDecision['draft'] | null
  /**
   * Which wording of the proposal stances are being given on: each change after a stance was
   * given starts a new round; only the current round's stances are counted and revealed.
   */
  readonly round: number
  /** The last time stances were set aside by a change of the proposal; null if never. */
  readonly proposalChanged: ProposalChange | null
  /** Who has given a stance (never which). */
  readonly given: readonly { memberId: string; name: string }[]
  /** Null until the facilitator reveals them. */
  readonly stances: readonly RevealedStance[] | null
  readonly decision: Decision | null
  readonly commitments: readonly Commitment[]
}

export interface DecisionResult extends ResultBase {
  readonly template: 'disagree-and-commit'
  readonly scale: Scale
  readonly anonymous: boolean
  readonly proposal: Proposal | null
  readonly revisits: Revisits | null
  readonly stances: readonly RevealedStance[]
  readonly summary: StanceSummary | null
  readonly dissent: readonly RevealedStance[]
  readonly decision: Decision | null
  readonly commitments: readonly Commitment[]
  /** People in the room who have not committed (yet). */
  readonly notCommitted: readonly { id: string; name: string }[]
  /** The questions and concerns raised on the board (its notes there, in reading order). */
  readonly concerns: readonly BoardNote[]
  readonly actions: readonly ResultAction[]
  readonly participants: readonly { id: string; name: string; role: string }[]
}

const revealedStanceSchema = z.object({
  value: z.union([z.number(), z.enum(['agree', 'disagree-commit', 'block'])]),
  reason: z.string(),
  memberId: z.string().nullable(),
  name: z.string().nullable(),
})

export const decisionResultSchema: z.ZodType<DecisionResult> = resultBaseSchema.extend({
  template: z.literal('disagree-and-commit'),
  scale: z.enum(['fist-of-five', 'agreement']),
  anonymous: z.boolean(),
  proposal: z
    .object({
      title: z.string(),
      context: z.string(),
      options: z.array(z.object({ title: z.string(), pros: z.string(), cons: z.string() })),
      drivers: z.array(z.string()),
      informed: z.array(z.string()),
      tags: z.array(z.string()),
      deciderId: z.string(),
      deciderName: z.string(),
    })
    .nullable(),
  // Results stored before revisits existed revisit nothing.
  revisits: z
    .object({ id: z.string(), title: z.string(), date: z.string() })
    .nullable()
    .default(null),
  stances: z.array(revealedStanceSchema),
  summary: z
    .object({
      count: z.number(),
      distribution: z.record(z.string(), z.number()),
      average: z.number().nullable(),
      blocks: z.number(),
      dissenting: z.number(),
    })
    .nullable(),
  dissent: z.array(revealedStanceSchema),
  decision: z
    .object({
      outcome: z.enum(['accepted', 'rejected']),
      option: z.string().nullable(),
      text: z.string(),
      rationale: z.string(),
      consequences: z.string(),
      acknowledgment: z.string(),
      deciderId: z.string(),
      deciderName: z.string(),
      at: z.number(),
    })
    .nullable(),
  commitments: z.array(z.object({ memberId: z.string(), name: z.string(), at: z.number() })),
  notCommitted: z.array(z.object({ id: z.string(), name: z.string() })),
  // Results stored before concerns were part of them have none.
  concerns: z.array(z.object({ id: z.string(), text: z.string() })).default([]),
  actions: z.array(resultActionSchema),
  participants: z.array(participantSchema),
})

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
const strings = (v: Record<string, unknown>, ...keys: string[]) =>
  keys.every((key) => typeof v[key] === 'string')
/** A list of texts; data stored before the list existed reads as none. */
const textList = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((item): item is string => typeof item === 'string') : []

function readProposal(v: unknown): Proposal | null {
  if (!isObject(v) || !strings(v, 'title', 'context', 'deciderId', 'deciderName')) return null
  const options = Array.isArray(v.options)
    ? v.options.filter(
        (o): o is ConsideredOption => isObject(o) && strings(o, 'title', 'pros', 'cons'),
      )
    : []
  return {
    ...(v as unknown as Proposal),
    options,
    drivers: textList(v.drivers),
    informed: textList(v.informed),
    tags: textList(v.tags),
  }
}

function readProposalChange(v: unknown): ProposalChange | null {
  if (!isObject(v) || typeof v.at !== 'number' || typeof v.setAside !== 'number') return null
  return { at: v.at, byName: typeof v.byName === 'string' ? v.byName : '', setAside: v.setAside }
}

function readDecision(v: unknown): Decision | null {
  if (
    !isObject(v) ||
    (v.outcome !== 'accepted' && v.outcome !== 'rejected') ||
    !strings(v, 'text', 'rationale', 'deciderId', 'deciderName') ||
    typeof v.at !== 'number'
  )
    return null
  const consequences = typeof v.consequences === 'string' ? v.consequences : ''
  // Decisions recorded before acknowledgments existed have none.
  const acknowledgment = typeof v.acknowledgment === 'string' ? v.acknowledgment : ''
  return { ...(v as unknown as Decision), consequences, acknowledgment }
}

export function readDecisionData(data: Readonly<Record<string, unknown>>): DecisionData {
  return {
    proposal: readProposal(data.proposal),
    revisits: readRevisits(data.revisits),
    draft: readDraft(data.draft),
    round: typeof data.round === 'number' ? data.round : 0,
    proposalChanged: readProposalChange(data.proposalChanged),
    given: Array.isArray(data.given)
      ? data.given.filter(
          (g): g is { memberId: string; name: string } =>
            isObject(g) && strings(g, 'memberId', 'name'),
        )
      : [],
    stances: Array.isArray(data.stances)
      ? data.stances.filter(
          (s): s is RevealedStance =>
            isStance(s) &&
            isObject(s) &&
            (s.memberId === null || typeof s.memberId === 'string') &&
            (s.name === null || typeof s.name === 'string'),
        )
      : null,
    decision: readDecision(data.decision),
    commitments: Array.isArray(data.commitments)
      ? data.commitments.filter(
          (c): c is Commitment =>
            isObject(c) && strings(c, 'memberId', 'name') && typeof c.at === 'number',
        )
      : [],
  }
}

function readRevisits(v: unknown): Revisits | null {
  if (!isObject(v) || !strings(v, 'id', 'title', 'date')) return null
  return { id: v.id as string, title: v.title as string, date: v.date as string }
}

/** A revisited decision's words, as the server put them in the data; null if malformed. */
function readDraft(v: unknown): RevisitedDecision['draft'] | null {
  if (!isObject(v) || !strings(v, 'title', 'context') || !Array.isArray(v.options)) return null
  const options = v.options.filter(
    (o): o is { title: string; pros: string; cons: string } =>
      isObject(o) && strings(o, 'title', 'pros', 'cons'),
  )
  return {
    title: v.title as string,
    context: v.context as string,
    options: options.map(({ title, pros, cons }) => ({ title, pros, cons })),
    drivers: textList(v.drivers),
    informed: textList(v.informed),
    tags: textList(v.tags),
  }
}

export const scaleOf = (options: Readonly<Record<string, unknown>>): Scale =>
  options.scale === 'agreement' ? 'agreement' : 'fist-of-five'

/** [tpl:DC3] The decision record's content, from what the room has revealed and recorded. */
export function decisionResult(input: ResultInput): DecisionResult {
  const data = readDecisionData(input.data)
  const scale = scaleOf(input.options)
  const stances = data.stances ?? []
  const committed = new Set(data.commitments.map((c) => c.memberId))
  const people = participants(input.members)
  return {
    template: 'disagree-and-commit',
    title: data.proposal?.title || input.title,
    scale,
    anonymous: input.state.settings.anonymous,
    proposal: data.proposal,
    revisits: data.revisits,
    stances,
    summary: data.stances ? summarise(scale, stances) : null,
    dissent: stances.filter((stance) => isDissent(stance.value)),
    decision: data.decision,
    commitments: data.commitments,
    notCommitted: people
      .filter((person) => !committed.has(person.id))
      .map(({ id, name }) => ({ id, name })),
    concerns: notesByRegion(input.records).get('concerns') ?? [],
    actions: boardActions(input.records),
    participants: people,
  }
}

/**
 * The pre-mortem panel's logic, without React: which sections and controls show for whom in which
 * phase, the round-robin as people see it, and the forms' drafts and the room commands they
 * become.
 */
import { type Role, turnTaker, type Turns } from '@accord/facilitation'
import type { PreMortemResult, RegisterEntry } from '@accord/templates'
import type { FormOutcome } from '../form-command'

export type Ranking = 'dots' | 'scores'

export const rankingOf = (options: Readonly<Record<string, unknown>> | undefined): Ranking =>
  options?.ranking === 'scores' ? 'scores' : 'dots'

/** Who has handed in risk scores (ids; never what they scored), read from the public data. */
export function scorersOf(data: Readonly<Record<string, unknown>>): string[] {
  return Array.isArray(data.scorers)
    ? data.scorers.filter((id): id is string => typeof id === 'string')
    : []
}

// ---- Which sections and controls show ----------------------------------------------------------

export interface PreMortemViewInput {
  readonly phaseId: string
  readonly self: { readonly id: string; readonly role: Role }
  readonly facilitates: boolean
  readonly ranking: Ranking
  readonly result: PreMortemResult
  readonly turns: Turns | null
  /** The scoring was closed (the public data holds the means). */
  readonly scoresClosed: boolean
  /** An anonymous room shares no turns (a turn shows whose note it is). */
  readonly anonymous: boolean
}

export interface PreMortemView {
  readonly editBrief: boolean
  /** The round-robin: shown in the share phase and while a round is under way. */
  readonly showTurns: boolean
  readonly startRound: boolean
  readonly skipTurn: boolean
  /** It is this person's turn: they pick one of their notes to share. */
  readonly myTurn: boolean
  /** Anonymous: no turns; the facilitator reveals every reason at once instead. */
  readonly revealAllInstead: boolean
  /** Reasons not in any risk yet, to nudge the clustering. */
  readonly clusterNudge: number | null
  /** Likelihood × impact scoring: the form, who has scored, closing it. */
  readonly showScoring: boolean
  readonly scoreRisks: boolean
  readonly closeScoring: boolean
  /** Dot voting: a pointer to the phase bar's vote controls. */
  readonly dotsHint: boolean
  readonly mitigate: boolean
}

/** [UI] What each person sees and may do, by phase, role and the room's progress. */
export function preMortemView(input: PreMortemViewInput): PreMortemView {
  const { phaseId, self, facilitates, ranking, result, turns, scoresClosed, anonymous } = input
  const takesPart = self.role !== 'viewer'
  const sharing = phaseId === 'share'
  const inTurns = sharing && !anonymous
  const underWay = turns !== null && turns.current !== null
  const scoring = ranking === 'scores' && phaseId === 'rank'
  return {
    editBrief: facilitates,
    showTurns: sharing || underWay,
    startRound: facilitates && inTurns && !underWay,
    skipTurn: facilitates && inTurns && underWay,
    myTurn: inTurns && takesPart && turnTaker(turns)?.memberId === self.id,
    revealAllInstead: sharing && anonymous,
    clusterNudge:
      (phaseId === 'cluster' || phaseId === 'rank') && result.unclustered.length > 0
        ? result.unclustered.length
        : null,
    showScoring: scoring || (ranking === 'scores' && !scoresClosed && phaseId === 'mitigate'),
    scoreRisks: scoring && takesPart && !scoresClosed && result.risks.length > 0,
    closeScoring: facilitates && scoring && !scoresClosed,
    dotsHint: ranking === 'dots' && phaseId === 'rank',
    mitigate: facilitates,
  }
}

/** The panel section the current phase is about, brought into view when the phase changes. */
export function activeSection(phaseId: string): 'brief' | 'turns' | 'scoring' | 'register' | null {
  if (phaseId === 'brief') return 'brief'
  if (phaseId === 'share') return 'turns'
  if (phaseId === 'rank') return 'scoring'
  if (phaseId === 'cluster' || phaseId === 'mitigate' || phaseId === 'close') return 'register'
  return null
}

// ---- The round-robin -----------------------------------------------------------------------------

export interface TurnRow {
  readonly memberId: string
  readonly name: string
  readonly current: boolean
  readonly self: boolean
}

/** The round's order, who is on, and how far it has got. */
export function turnsView(turns: Turns | null, selfId: string) {
  const taker = turnTaker(turns)
  const rows: TurnRow[] = (turns?.order ?? []).map((t, i) => ({
    memberId: t.memberId,
    name: t.name,
    current: turns?.current === i,
    self: t.memberId === selfId,
  }))
  const status =
    turns === null
      ? 'The round has not started yet.'
      : taker === null
        ? 'Every reason is shared.'
        : taker.memberId === selfId
          ? 'Your turn: share one reason.'
          : `${taker.name}’s turn.`
  return {
    rows,
    status,
    shared: turns?.shared ?? 0,
    done: turns !== null && taker === null,
    started: turns !== null,
  }
}

// ---- The brief -----------------------------------------------------------------------------------

export function briefCommand(statement: string, ownerId: string): FormOutcome {
  const text = statement.trim()
  if (text === '') return { ok: false, error: 'Write down the plan.' }
  if (ownerId === '') return { ok: false, error: 'Choose the plan owner.' }
  return { ok: true, command: { type: 'brief.set', statement: text, ownerId } }
}

// ---- Likelihood × impact ------------------------------------------------------------------------

export interface ScoreDraft {
  readonly likelihood: number | null
  readonly impact: number | null
}

export type ScoreSheetDraft = Readonly<Record<string, ScoreDraft>>

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

const scoreValue = (v: unknown): number | null =>
  typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 5 ? v : null

/** Reads this person's own score sheet (their submission), tolerating anything malformed. */
export function readScoreSheet(value: unknown): ScoreSheetDraft {
  if (!isObject(value)) return {}
  return Object.fromEntries(
    Object.entries(value).flatMap(([riskId, score]) =>
      isObject(score)
        ? [[riskId, { likelihood: scoreValue(score.likelihood), impact: scoreValue(score.impact) }]]
        : [],
    ),
  )
}

/** The sheet as shown: this person's edits over what they handed in before. */
export function mergeScores(
  own: ScoreSheetDraft,
  edits: Readonly<Record<string, Partial<ScoreDraft>>>,
  riskId: string,
): ScoreDraft {
  return {
    likelihood: edits[riskId]?.likelihood ?? own[riskId]?.likelihood ?? null,
    impact: edits[riskId]?.impact ?? own[riskId]?.impact ?? null,
  }
}

/** The scoring form → `risk.score`, for every risk scored on both counts. */
export function scoreCommand(
  risks: readonly { id: string; name: string }[],
  sheet: (riskId: string) => ScoreDraft,
): FormOutcome {
  const scores: { riskId: string; likelihood: number; impact: number }[] = []
  for (const risk of risks) {
    const { likelihood, impact } = sheet(risk.id)
    if (likelihood === null && impact === null) continue
    if (likelihood === null || impact === null)
      return {
        ok: false,
        error: `Give “${risk.name || 'Unnamed risk'}” both a likelihood and an impact.`,
      }
    scores.push({ riskId: risk.id, likelihood, impact })
  }
  if (scores.length === 0) return { ok: false, error: 'Score at least one risk.' }
  return { ok: true, command: { type: 'risk.score', scores } }
}

// ---- The register ----------------------------------------------------------------------------------

/** How a risk ranks, as the register shows it: its dots, or likelihood × impact. */
export function riskScoreText(risk: RegisterEntry, ranking: Ranking): string {
  if (ranking === 'dots')
    return risk.dots === null ? '–' : `${risk.dots} ${risk.dots === 1 ? 'dot' : 'dots'}`
  if (risk.likelihood === null || risk.impact === null || risk.score === null) return '–'
  return `${risk.likelihood} × ${risk.impact} = ${risk.score}`
}

export function mitigationCommand(riskId: string, text: string, ownerId: string): FormOutcome {
  const mitigation = text.trim()
  if (mitigation === '') return { ok: false, error: 'Write down the mitigation.' }
  if (ownerId === '') return { ok: false, error: 'Choose one owner.' }
  return { ok: true, command: { type: 'risk.mitigate', riskId, mitigation, ownerId } }
}

/** Names of the people with these ids, in the room's order; unknown ids are counted as "someone". */
export function namesOf(
  ids: readonly string[],
  members: readonly { id: string; name: string }[],
): string[] {
  return ids.map((id) => members.find((m) => m.id === id)?.name ?? 'Someone')
}

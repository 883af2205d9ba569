/**
 * The disagree-and-commit panel's logic, without React: which sections and controls show for whom
 * in which phase, the forms' drafts and the room commands they become, and the revealed stances
 * as a chart.
 */
import type { Role } from '@accord/facilitation'
import {
  agreementLabels,
  decisionLimits,
  type DecisionResult,
  fistLabels,
  needsReason,
  type Proposal,
  type RevealedStance,
  type Scale,
  stanceRound,
  type StanceSummary,
} from '@accord/templates'
import { splitLines, splitNames } from '../../decisions/decision-view'
import type { FormOutcome, Send } from '../form-command'

export type StanceValue = number | 'agree' | 'disagree-commit' | 'block'

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** Who has given a stance (never which), read tolerantly from the workshop's public data. */
export function givenStances(data: Readonly<Record<string, unknown>>) {
  return Array.isArray(data.given)
    ? data.given.filter(
        (g): g is { memberId: string; name: string } =>
          isObject(g) && typeof g.memberId === 'string' && typeof g.name === 'string',
      )
    : []
}

/** The scale a room uses, from its options. */
export const scaleOf = (options: Readonly<Record<string, unknown>> | undefined): Scale =>
  options?.scale === 'agreement' ? 'agreement' : 'fist-of-five'

/** The stances one can give on a scale, in order, with their labels. */
export function stanceChoices(scale: Scale): { value: StanceValue; label: string }[] {
  return scale === 'fist-of-five'
    ? fistLabels.map((label, value) => ({ value, label: `${value} — ${label}` }))
    : Object.entries(agreementLabels).map(([value, label]) => ({
        value: value as StanceValue,
        label,
      }))
}

/**
 * Reads a stance someone handed in (their own submission), if it is one given on the proposal's
 * current wording (`round`): one given before the proposal changed was set aside.
 */
export function readOwnStance(
  value: unknown,
  round = 0,
): { value: StanceValue; reason: string } | null {
  if (!isObject(value) || stanceRound(value) !== round) return null
  const v = value.value
  const valid =
    typeof v === 'number' || (typeof v === 'string' && Object.hasOwn(agreementLabels, v))
  return valid ? { value: v as StanceValue, reason: String(value.reason ?? '') } : null
}

// ---- Which sections and controls show ----------------------------------------------------------

export interface DecisionViewInput {
  readonly phaseId: string
  readonly self: { readonly id: string; readonly role: Role }
  readonly facilitates: boolean
  readonly result: DecisionResult
  /** Who has given a stance so far (from the public data). */
  readonly given: readonly { memberId: string; name: string }[]
}

export interface DecisionView {
  /** The facilitator may (re)write the proposal: until the stances are revealed. */
  readonly editProposal: boolean
  readonly proposalLocked: boolean
  /** Past the discussion, the options considered fold away to leave room for what follows. */
  readonly compactProposal: boolean
  /** The stances section: who has given one, and the form. */
  readonly showStances: boolean
  readonly giveStance: boolean
  readonly hasGiven: boolean
  readonly revealStances: boolean
  readonly revealed: boolean
  /** The decision section, and whether this person records it. */
  readonly showDecision: boolean
  readonly recordDecision: boolean
  readonly isDecider: boolean
  /** The commitments section, and this person's "I commit". */
  readonly showCommitments: boolean
  readonly commit: boolean
  readonly hasCommitted: boolean
}

const STANCE_PHASES = ['stances', 'reveal', 'decide', 'commit', 'close']
const DECISION_PHASES = ['decide', 'commit', 'close']
const COMMIT_PHASES = ['commit', 'close']

/** [UI] What each person sees and may do, by phase, role and the room's progress. */
export function decisionView(input: DecisionViewInput): DecisionView {
  const { phaseId, self, facilitates, result, given } = input
  const takesPart = self.role !== 'viewer'
  const revealed = result.summary !== null
  const proposal = result.proposal
  const isDecider = proposal !== null && proposal.deciderId === self.id
  const decided = result.decision !== null
  const hasCommitted = result.commitments.some((c) => c.memberId === self.id)
  return {
    editProposal: facilitates && !revealed,
    proposalLocked: revealed,
    compactProposal: phaseId !== 'proposal' && phaseId !== 'discussion',
    showStances: STANCE_PHASES.includes(phaseId) || given.length > 0 || revealed,
    giveStance: takesPart && phaseId === 'stances' && proposal !== null && !revealed,
    hasGiven: given.some((g) => g.memberId === self.id),
    revealStances: facilitates && !revealed && (phaseId === 'stances' || phaseId === 'reveal'),
    revealed,
    showDecision: DECISION_PHASES.includes(phaseId) || decided,
    recordDecision:
      isDecider && takesPart && revealed && (phaseId === 'decide' || phaseId === 'reveal'),
    isDecider,
    showCommitments: COMMIT_PHASES.includes(phaseId) || result.commitments.length > 0,
    commit: takesPart && decided && !hasCommitted && COMMIT_PHASES.includes(phaseId),
    hasCommitted,
  }
}

export type SectionName = 'proposal' | 'stances' | 'decision' | 'commitments'

/** What each section of the panel gets. */
export interface SectionProps {
  readonly result: DecisionResult
  /** What this person sees and may do. */
  readonly view: DecisionView
  readonly send: Send
  /** The current phase is about this section. */
  readonly active: boolean
}

/** The panel section the current phase is about, brought into view when the phase changes. */
export function activeSection(phaseId: string): SectionName | null {
  if (phaseId === 'proposal' || phaseId === 'discussion') return 'proposal'
  if (phaseId === 'stances' || phaseId === 'reveal') return 'stances'
  if (phaseId === 'decide') return 'decision'
  if (phaseId === 'commit' || phaseId === 'close') return 'commitments'
  return null
}

// ---- The proposal form ---------------------------------------------------------------------------

export interface OptionDraft {
  readonly title: string
  readonly pros: string
  readonly cons: string
}

export interface ProposalDraft {
  readonly title: string
  readonly context: string
  /** The decision drivers, one per line. */
  readonly drivers: string
  readonly options: readonly OptionDraft[]
  readonly deciderId: string
  /** People or teams to inform, separated by commas. */
  readonly informed: string
  /** Tags, separated by commas. */
  readonly tags: string
}

export const emptyOption: OptionDraft = { title: '', pros: '', cons: '' }

export function proposalDraft(proposal: Proposal | null): ProposalDraft {
  return proposal
    ? {
        title: proposal.title,
        context: proposal.context,
        drivers: proposal.drivers.join('\n'),
        options: proposal.options.map(({ title, pros, cons }) => ({ title, pros, cons })),
        deciderId: proposal.deciderId,
        informed: proposal.informed.join(', '),
        tags: proposal.tags.join(', '),
      }
    : { title: '', context: '', drivers: '', options: [], deciderId: '', informed: '', tags: '' }
}

/** Tags, each once whatever its case (as the decision log compares them). */
function distinctTags(tags: readonly string[]): string[] {
  const seen = new Set<string>()
  return tags.filter((tag) => {
    const key = tag.toLowerCase()
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** A list from the form against its limits: the problem to show, or null. */
function listProblem(
  items: readonly string[],
  limit: { readonly count: number; readonly length: number },
  what: { readonly many: string; readonly one: string },
): string | null {
  if (items.length > limit.count) return `At most ${limit.count} ${what.many}.`
  return items.some((item) => item.length > limit.length)
    ? `${what.one} is at most ${limit.length} characters.`
    : null
}

/**
 * The proposal form → `proposal.set`; rows left entirely empty are dropped. Drivers are one per
 * line; people to inform and tags are separated by commas (blanks and repeats left out).
 */
export function proposalCommand(draft: ProposalDraft): FormOutcome {
  const title = draft.title.trim()
  if (title === '') return { ok: false, error: 'Give the proposal a title.' }
  if (draft.deciderId === '') return { ok: false, error: 'Choose who decides.' }
  const options = draft.options
    .map((o) => ({ title: o.title.trim(), pros: o.pros.trim(), cons: o.cons.trim() }))
    .filter((o) => o.title !== '' || o.pros !== '' || o.cons !== '')
  if (options.some((o) => o.title === ''))
    return { ok: false, error: 'Every option considered needs a name.' }
  if (options.length > decisionLimits.options.count)
    return { ok: false, error: `At most ${decisionLimits.options.count} options.` }
  const drivers = splitLines(draft.drivers)
  const informed = splitNames(draft.informed)
  const tags = distinctTags(splitNames(draft.tags))
  const problem =
    listProblem(drivers, decisionLimits.drivers, {
      many: 'decision drivers',
      one: 'A decision driver',
    }) ??
    listProblem(informed, decisionLimits.informed, {
      many: 'people to inform',
      one: 'A name to inform',
    }) ??
    listProblem(tags, decisionLimits.tags, { many: 'tags', one: 'A tag' })
  if (problem !== null) return { ok: false, error: problem }
  return {
    ok: true,
    command: {
      type: 'proposal.set',
      title,
      context: draft.context.trim(),
      drivers,
      options,
      deciderId: draft.deciderId,
      informed,
      tags,
    },
  }
}

// ---- The stance form -----------------------------------------------------------------------------

/** Must this stance come with a reason? */
export const reasonRequired = (value: StanceValue | null): boolean =>
  value !== null && needsReason(value)

/** The stance form → `stance.give`; a block or a low score needs a reason. */
export function stanceCommand(value: StanceValue | null, reason: string): FormOutcome {
  if (value === null) return { ok: false, error: 'Choose your stance.' }
  const why = reason.trim()
  if (needsReason(value) && why === '')
    return {
      ok: false,
      error:
        value === 'block' || value === 0
          ? 'A block needs a reason.'
          : 'A low score needs a reason.',
    }
  return { ok: true, command: { type: 'stance.give', stance: value, reason: why } }
}

// ---- The decision form ---------------------------------------------------------------------------

export interface DecisionDraft {
  readonly outcome: 'accepted' | 'rejected'
  readonly option: string
  readonly decision: string
  readonly rationale: string
  readonly consequences: string
  /** How the decider heard a block: required to accept over one. */
  readonly acknowledgment: string
}

export function decisionDraft(decision: DecisionResult['decision']): DecisionDraft {
  return decision
    ? {
        outcome: decision.outcome,
        option: decision.option ?? '',
        decision: decision.text,
        rationale: decision.rationale,
        consequences: decision.consequences,
        acknowledgment: decision.acknowledgment,
      }
    : {
        outcome: 'accepted',
        option: '',
        decision: '',
        rationale: '',
        consequences: '',
        acknowledgment: '',
      }
}

/**
 * The decider's form → `decision.record`. `blocked`: someone blocked, so accepting needs an
 * acknowledgment (the template's rule, tpl:DC4; said here before the server says it).
 */
export function decisionCommand(draft: DecisionDraft, blocked = false): FormOutcome {
  const decision = draft.decision.trim()
  const rationale = draft.rationale.trim()
  const overBlock = blocked && draft.outcome === 'accepted'
  const acknowledgment = overBlock ? draft.acknowledgment.trim() : ''
  if (decision === '') return { ok: false, error: 'Write down the decision.' }
  if (rationale === '') return { ok: false, error: 'Give the rationale.' }
  if (overBlock && acknowledgment === '')
    return { ok: false, error: 'Someone blocked: say how the block was heard before accepting.' }
  return {
    ok: true,
    command: {
      type: 'decision.record',
      outcome: draft.outcome,
      option: draft.option === '' ? null : draft.option,
      decision,
      rationale,
      consequences: draft.consequences.trim(),
      acknowledgment,
    },
  }
}

// ---- The revealed stances ------------------------------------------------------------------------

export interface Bar {
  readonly key: string
  readonly label: string
  readonly count: number
  /** The bar's length, 0–100, relative to the most common stance. */
  readonly percent: number
}

/** The distribution as bars, in scale order. */
export function distributionBars(scale: Scale, summary: StanceSummary): Bar[] {
  const choices = stanceChoices(scale)
  const counts = choices.map((c) => summary.distribution[String(c.value)] ?? 0)
  const most = Math.max(1, ...counts)
  return choices.map((choice, i) => ({
    key: String(choice.value),
    label: choice.label,
    count: counts[i] ?? 0,
    percent: Math.round(((counts[i] ?? 0) / most) * 100),
  }))
}

/** Who a revealed stance belongs to, as the room may show it. */
export const stanceAuthor = (stance: RevealedStance): string => stance.name ?? 'Anonymous'

/** "Ada, Bo and Cy". */
export function namesList(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? ''
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
}

/**
 * A workshop is an ordered list of phases; the facilitator moves between them and everyone sees
 * the current one, its instructions and what it allows. Templates supply their own lists; a new
 * room starts with a single free-board phase the facilitator can edit.
 */
import { err, ok, type Result } from './result.js'

export interface PhaseRules {
  /** Participants may change the shared board. */
  readonly boardEditing: boolean
  /** Participants write notes that only they can see until they are revealed. */
  readonly privateWriting: boolean
  /**
   * Who may reveal private notes in this phase: nobody, the facilitator (everyone's at once), each
   * person (their own), or each person one note per turn, round-robin.
   */
  readonly reveal: 'none' | 'facilitator' | 'self' | 'turn'
  /** A dot vote may be held. */
  readonly voting: boolean
}

export interface Phase {
  readonly id: string
  readonly name: string
  readonly instructions: string
  readonly rules: PhaseRules
  /** A suggested timer for the phase, in minutes (templates set it; the timer offers it). */
  readonly timerMinutes?: number
  /** A template region (its key) the phase is about; the board shows it to everyone. */
  readonly focus?: string
}

export interface PhasePlan {
  readonly phases: readonly Phase[]
  readonly currentIndex: number
}

export const LIMITS = { phases: 30, name: 60, instructions: 1000, timerMinutes: 120 } as const

export const validMinutes = (minutes: number) =>
  Number.isInteger(minutes) && minutes >= 1 && minutes <= LIMITS.timerMinutes

const openRules: PhaseRules = {
  boardEditing: true,
  privateWriting: false,
  reveal: 'none',
  voting: true,
}

/** Phases a facilitator can add to a plan, each with rules that suit it. */
export const phasePresets = {
  free: {
    name: 'Free board',
    instructions: 'Add notes, draw and arrange the board together.',
    rules: openRules,
  },
  'private-writing': {
    name: 'Private writing',
    instructions:
      'Write your thoughts on your own notes. Nobody sees them until they are revealed.',
    rules: { ...openRules, privateWriting: true, reveal: 'self', voting: false },
  },
  reveal: {
    name: 'Reveal',
    instructions: 'The notes are revealed. Read them quietly before discussing.',
    rules: { ...openRules, reveal: 'facilitator', voting: false },
  },
  group: {
    name: 'Group',
    instructions: 'Drag similar notes together into groups and give each group a name.',
    rules: { ...openRules, voting: false },
  },
  vote: {
    name: 'Vote',
    instructions: 'Place your dots on the items that matter most.',
    rules: { ...openRules, boardEditing: false },
  },
  discuss: {
    name: 'Discuss',
    instructions: 'Talk through the items in order; capture actions with an owner.',
    rules: { ...openRules, voting: false },
  },
} satisfies Record<string, Omit<Phase, 'id'>>

export type PhasePreset = keyof typeof phasePresets

export function initialPlan(): PhasePlan {
  return { phases: [{ id: 'free', ...phasePresets.free }], currentIndex: 0 }
}

export function currentPhase(plan: PhasePlan): Phase {
  const phase = plan.phases[plan.currentIndex] ?? plan.phases[0]
  if (!phase) throw new Error('a phase plan always has a phase')
  return phase
}

/** [fac:PH1] Moves to the phase at `index`. */
export function goToPhase(plan: PhasePlan, index: number): Result<PhasePlan> {
  if (!Number.isInteger(index) || index < 0 || index >= plan.phases.length) {
    return err(`there is no phase ${index + 1}; this plan has ${plan.phases.length}`)
  }
  return ok({ ...plan, currentIndex: index })
}

export interface PhaseInput {
  readonly id?: string
  readonly name: string
  readonly instructions: string
  readonly rules: PhaseRules
  readonly timerMinutes?: number
  readonly focus?: string
}

/** A phase as `phases.update` takes it back: exactly its own fields, nothing else it may carry. */
export function phaseInput({ id, name, instructions, rules, timerMinutes, focus }: Phase): Phase {
  return {
    id,
    name,
    instructions,
    rules,
    ...(timerMinutes === undefined ? {} : { timerMinutes }),
    ...(focus === undefined ? {} : { focus }),
  }
}

/**
 * [fac:PH2] Replaces the plan's phases. Phases keep their ids (new ones get fresh ids), and the
 * current phase stays current if it is still in the plan; otherwise the nearest one is.
 */
export function replacePhases(
  plan: PhasePlan,
  inputs: readonly PhaseInput[],
  newId: () => string,
): Result<PhasePlan> {
  if (inputs.length === 0) return err('a plan needs at least one phase')
  if (inputs.length > LIMITS.phases) return err(`a plan has at most ${LIMITS.phases} phases`)
  const seen = new Set<string>()
  const phases: Phase[] = []
  for (const [index, input] of inputs.entries()) {
    const name = input.name.trim()
    if (name === '') return err(`phase ${index + 1} needs a name`)
    if (name.length > LIMITS.name) return err(`phase ${index + 1}: name too long`)
    if (input.instructions.length > LIMITS.instructions)
      return err(`phase ${index + 1}: instructions too long`)
    const id = input.id ?? newId()
    if (seen.has(id)) return err(`phase ${index + 1}: duplicate id ${id}`)
    seen.add(id)
    const { timerMinutes, focus } = input
    if (timerMinutes !== undefined && !validMinutes(timerMinutes))
      return err(`phase ${index + 1}: the timer is 1 to ${LIMITS.timerMinutes} minutes`)
    phases.push({
      id,
      name,
      instructions: input.instructions.trim(),
      rules: input.rules,
      ...(timerMinutes === undefined ? {} : { timerMinutes }),
      ...(focus === undefined ? {} : { focus }),
    })
  }
  const currentId = plan.phases[plan.currentIndex]?.id
  const kept = phases.findIndex((phase) => phase.id === currentId)
  const currentIndex = kept >= 0 ? kept : Math.min(plan.currentIndex, phases.length - 1)
  return ok({ phases, currentIndex })
}

/** [fac:PH4] What a phase allows, in words people read in the phase bar. */
export function describeRules(rules: PhaseRules): string[] {
  const allowed: string[] = []
  if (rules.privateWriting) allowed.push('Private writing')
  if (rules.reveal === 'self') allowed.push('Reveal your own')
  if (rules.reveal === 'facilitator') allowed.push('Facilitator reveals')
  if (rules.reveal === 'turn') allowed.push('Round-robin reveal')
  if (rules.voting) allowed.push('Voting')
  if (!rules.boardEditing) allowed.push('Board read-only')
  return allowed
}

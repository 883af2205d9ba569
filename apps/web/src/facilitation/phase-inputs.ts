/**
 * Phases as the facilitator edits them: everything a phase has — its suggested timer and the region
 * it is about included — goes back to the server, so editing a template's phases keeps its method.
 */
import {
  type Phase,
  type PhaseInput,
  phaseInput,
  type PhasePlan,
  validMinutes,
} from '@accord/facilitation'

/** The timer the facilitator is offered when a phase suggests none. */
export const DEFAULT_TIMER_MINUTES = 5

/** The minutes the timer offers in a phase: the phase's own suggestion, or the default. */
export function suggestedMinutes(phase: Pick<Phase, 'timerMinutes'>): number {
  return phase.timerMinutes ?? DEFAULT_TIMER_MINUTES
}

/** The plan's phases as inputs for `phases.update`, with nothing of theirs left behind. */
export function phaseInputs(plan: PhasePlan): PhaseInput[] {
  return plan.phases.map(phaseInput)
}

/** Sets (a whole number of minutes the server accepts) or clears (empty) a phase's timer. */
export function withTimerMinutes(phase: PhaseInput, text: string): PhaseInput {
  const { timerMinutes: _old, ...rest } = phase
  const minutes = Number(text)
  return text.trim() !== '' && validMinutes(minutes) ? { ...rest, timerMinutes: minutes } : rest
}

/** Sets or clears (empty) the region a phase is about. */
export function withFocus(phase: PhaseInput, key: string): PhaseInput {
  const { focus: _old, ...rest } = phase
  return key === '' ? rest : { ...rest, focus: key }
}

/** Phases as templates write them: an id the template's rules refer to, and what it allows. */
import type { Phase, PhaseRules } from '@accord/facilitation'

const discussion: PhaseRules = {
  boardEditing: true,
  privateWriting: false,
  reveal: 'none',
  voting: false,
}

export function step(
  id: string,
  name: string,
  instructions: string,
  rules: Partial<PhaseRules> = {},
  extra: { readonly timerMinutes?: number; readonly focus?: string } = {},
): Phase {
  return { id, name, instructions, rules: { ...discussion, ...rules }, ...extra }
}

export const closeStep = (instructions: string): Phase =>
  step('close', 'Close', instructions, { boardEditing: false })

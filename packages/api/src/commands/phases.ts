/** Commands that pace the workshop: its phases, the timer and round-robin turns. */
import { PHASE_LIMITS, type PhaseRules, TIMER_LIMITS } from '@accord/facilitation'
import { z } from 'zod'
import { plainText } from '../text.js'

/** Moves everyone to another phase. */
export const phaseSet = z.object({ type: z.literal('phase.set'), index: z.number().int() })

const rules: z.ZodType<PhaseRules> = z.object({
  boardEditing: z.boolean(),
  privateWriting: z.boolean(),
  reveal: z.enum(['none', 'facilitator', 'self', 'turn']),
  voting: z.boolean(),
})

/** Replaces the list of phases (add, remove, rename, reorder, change rules). */
export const phasesUpdate = z.object({
  type: z.literal('phases.update'),
  phases: z
    .array(
      z.object({
        id: z
          .string()
          .regex(/^[\w-]{1,40}$/)
          .optional(),
        name: plainText(PHASE_LIMITS.name),
        instructions: plainText(PHASE_LIMITS.instructions).default(''),
        rules,
        timerMinutes: z.number().int().min(1).max(PHASE_LIMITS.timerMinutes).optional(),
        focus: z
          .string()
          .regex(/^[\w-]{1,40}$/)
          .optional(),
      }),
    )
    .max(PHASE_LIMITS.phases),
})

/** A timer's length or extension, in seconds (at most the timer rule's four hours). */
const seconds = z
  .number()
  .positive()
  .max(TIMER_LIMITS.maxMs / 1000)

export const timerStart = z.object({ type: z.literal('timer.start'), seconds })
export const timerPause = z.object({ type: z.literal('timer.pause') })
export const timerResume = z.object({ type: z.literal('timer.resume') })
export const timerExtend = z.object({ type: z.literal('timer.extend'), seconds })
export const timerReset = z.object({ type: z.literal('timer.reset') })

/**
 * [fac:RR1] Starts a round-robin share among everyone with unrevealed notes, `firstMemberId` (e.g.
 * the plan owner) first.
 */
export const turnsStart = z.object({
  type: z.literal('turns.start'),
  firstMemberId: z
    .string()
    .regex(/^[\w-]{1,64}$/)
    .nullable()
    .default(null),
})

/** [fac:RR3] Passes over the person whose turn it is. */
export const turnsSkip = z.object({ type: z.literal('turns.skip') })

import { goToPhase, PHASE_LIMITS, type PhaseRules, replacePhases } from '@accord/facilitation'
import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import { ApiError } from '../http/api-error.js'
import { plainText } from '../http/schemas.js'
import type { CommandContext } from './command.js'
import { defineCommand } from './command.js'

const rules: z.ZodType<PhaseRules> = z.object({
  boardEditing: z.boolean(),
  privateWriting: z.boolean(),
  reveal: z.enum(['none', 'facilitator', 'self', 'turn']),
  voting: z.boolean(),
})

/** Answers a room-state change: the new state, or the rule's refusal as a 409. */
export async function changeState(
  context: CommandContext,
  compute: Parameters<CommandContext['roomStates']['change']>[1],
) {
  const result = await context.roomStates.change(context.credential.roomId, compute)
  if (!result.ok) throw new ApiError(409, 'refused', result.error)
  return { state: result.value, serverNow: context.now() }
}

/** Moves everyone to another phase. */
export const phaseSet = defineCommand({
  schema: z.object({ type: z.literal('phase.set'), index: z.number().int() }),
  requires: 'room.facilitate',
  action: 'change the phase',
  run: (context, { index }) =>
    changeState(context, (state) => {
      const plan = goToPhase(state.plan, index)
      return plan.ok ? { ok: true, value: { plan: plan.value } } : plan
    }),
})

/** Replaces the list of phases (add, remove, rename, reorder, change rules). */
export const phasesUpdate = defineCommand({
  schema: z.object({
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
  }),
  requires: 'room.facilitate',
  action: 'edit the phases',
  run: (context, { phases }) =>
    changeState(context, (state) => {
      const plan = replacePhases(state.plan, phases, () => randomBytes(6).toString('base64url'))
      return plan.ok ? { ok: true, value: { plan: plan.value } } : plan
    }),
})

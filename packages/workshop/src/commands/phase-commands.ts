import { ApiError } from '@accord/api'
import { goToPhase, replacePhases } from '@accord/facilitation'
import { randomBytes } from 'node:crypto'
import type { CommandContext } from './command.js'
import { defineCommand } from './command.js'
import { appendToLedger } from '../records/workshop-ledger.js'

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
export const phaseSet = defineCommand('phase.set', {
  requires: 'room.facilitate',
  action: 'change the phase',
  run: async (context, { index }) => {
    const before = await context.roomStates.read(context.credential.roomId)
    const changed = await changeState(context, (state) => {
      const plan = goToPhase(state.plan, index)
      return plan.ok ? { ok: true, value: { plan: plan.value } } : plan
    })
    // Opening the stances is part of how a decision was reached (rec:LG1).
    await appendToLedger(context, before, changed.state, { submitted: false })
    return changed
  },
})

/** Replaces the list of phases (add, remove, rename, reorder, change rules). */
export const phasesUpdate = defineCommand('phases.update', {
  requires: 'room.facilitate',
  action: 'edit the phases',
  run: (context, { phases }) =>
    changeState(context, (state) => {
      const plan = replacePhases(state.plan, phases, () => randomBytes(6).toString('base64url'))
      return plan.ok ? { ok: true, value: { plan: plan.value } } : plan
    }),
})

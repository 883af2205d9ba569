import { requireMember } from '../credential.js'
import { defineCommand } from './command.js'
import { changeState } from './phase-commands.js'

/**
 * "Bring everyone to me": every participant's view moves to the facilitator's. The client sends
 * the viewport it shows (optional): presence, where the camera otherwise comes from, is sent
 * throttled and may still be on its way when the command lands.
 */
export const summon = defineCommand('summon', {
  requires: 'room.facilitate',
  action: 'bring everyone to them',
  run(context, { viewport }) {
    const self = requireMember(context.credential)
    return changeState(context, () => ({
      ok: true,
      value: {
        summon: { userId: `user:${self.id}`, at: context.now(), viewport: viewport ?? null },
      },
    }))
  },
})

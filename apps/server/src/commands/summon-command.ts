import { z } from 'zod'
import { requireMember } from '../access/credentials.js'
import { defineCommand } from './command.js'
import { changeState } from './phase-commands.js'

/** "Bring everyone to me": every participant's view moves to the facilitator's. */
export const summon = defineCommand({
  schema: z.object({ type: z.literal('summon') }),
  requires: 'room.facilitate',
  action: 'bring everyone to them',
  run(context) {
    const self = requireMember(context.credential)
    return changeState(context, () => ({
      ok: true,
      value: { summon: { userId: `user:${self.id}`, at: context.now() } },
    }))
  },
})

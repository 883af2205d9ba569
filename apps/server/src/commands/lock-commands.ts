import { applyLock, MAX_LOCKED_FRAMES } from '@accord/facilitation'
import { z } from 'zod'
import { defineCommand } from './command.js'
import { changeState } from './phase-commands.js'

const shapeId = z.string().regex(/^shape:[\w-]{1,64}$/, 'must be a shape id')

/** Locks or unlocks the whole board, or chosen frames with everything in them. */
export const lockSet = defineCommand({
  schema: z.discriminatedUnion('target', [
    z.object({ type: z.literal('lock.set'), target: z.literal('board'), locked: z.boolean() }),
    z.object({
      type: z.literal('lock.set'),
      target: z.literal('frames'),
      frameIds: z.array(shapeId).min(1).max(MAX_LOCKED_FRAMES),
      locked: z.boolean(),
    }),
  ]),
  requires: 'room.facilitate',
  action: 'lock the board',
  run: (context, change) =>
    changeState(context, (state) => {
      const locks = applyLock(state.locks, change)
      return locks.ok ? { ok: true, value: { locks: locks.value } } : locks
    }),
})

import { ok } from '@accord/facilitation'
import { z } from 'zod'
import { requireMember } from '../access/credentials.js'
import { liveResult } from '../workshops/live-result.js'
import { defineCommand } from './command.js'
import { changeState } from './phase-commands.js'

/**
 * Closes the workshop: its structured result, as it stands, is stored (each close adds a version;
 * the latest is current) and everyone moves to the closing phase.
 */
export const workshopClose = defineCommand({
  schema: z.object({ type: z.literal('workshop.close') }),
  requires: 'room.facilitate',
  action: 'close the workshop',
  async run(context) {
    const closer = requireMember(context.credential)
    const { roomId } = context.credential
    const { template, result } = await liveResult(context, roomId)
    const closedAt = context.now()
    const stored = await context.workshops.addResult({
      roomId,
      template: template.id,
      result: { ...result },
      closedBy: closer.id,
      closedAt: new Date(closedAt),
    })
    const changed = await changeState(context, (state) => {
      const closeIndex = state.plan.phases.findIndex((phase) => phase.id === 'close')
      return ok({
        workshop: state.workshop
          ? { ...state.workshop, closedAt }
          : { template: template.id, options: {}, data: {}, closedAt },
        plan: closeIndex >= 0 ? { ...state.plan, currentIndex: closeIndex } : state.plan,
      })
    })
    return { ...changed, result, version: stored.seq, closedAt: new Date(closedAt).toISOString() }
  },
})

/** Highlights one shape for everyone (e.g. the theme under discussion), or clears it. */
export const spotlightSet = defineCommand({
  schema: z.object({
    type: z.literal('spotlight.set'),
    shapeId: z
      .string()
      .regex(/^shape:[\w-]{1,64}$/)
      .nullable(),
  }),
  requires: 'room.facilitate',
  action: 'highlight the board',
  run: (context, { shapeId }) => changeState(context, () => ok({ spotlight: shapeId })),
})

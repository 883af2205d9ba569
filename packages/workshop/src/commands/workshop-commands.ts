import { ok } from '@accord/facilitation'
import { requireMember } from '../credential.js'
import { saveWorkshopRecords } from '../records/save-records.js'
import { defineCommand } from './command.js'
import { changeState } from './phase-commands.js'

/**
 * Closes the workshop: its structured result, as it stands, is stored (each close adds a version;
 * the latest is current), saved as records (decision, actions, risks, themes, insights) and
 * everyone moves to the closing phase.
 */
export const workshopClose = defineCommand('workshop.close', {
  requires: 'room.facilitate',
  action: 'close the workshop',
  async run(context) {
    const closer = requireMember(context.credential)
    const { roomId } = context.credential
    const closedAt = context.now()
    const { template, result, saved } = await saveWorkshopRecords(
      context,
      roomId,
      closer.name,
      new Date(closedAt),
    )
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
    return {
      ...changed,
      result,
      records: saved,
      version: stored.seq,
      closedAt: new Date(closedAt).toISOString(),
    }
  },
})

/** Highlights one shape for everyone (e.g. the theme under discussion), or clears it. */
export const spotlightSet = defineCommand('spotlight.set', {
  requires: 'room.facilitate',
  action: 'highlight the board',
  run: (context, { shapeId }) => changeState(context, () => ok({ spotlight: shapeId })),
})

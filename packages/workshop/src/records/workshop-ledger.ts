import { currentPhase, type RoomState } from '@accord/facilitation'
import type { WorkshopChange } from '@accord/templates'
import type { CommandContext } from '../commands/command.js'
import { templateOf } from '../workshops/live-result.js'

/**
 * [rec:LG1] Appends to the room's decision ledger what a command did to its workshop's decision,
 * as its template reads the change (proposed, stances opened, a stance given…), with the actor
 * and the server's time. Templates that keep no ledger add nothing.
 */
export async function appendToLedger(
  context: CommandContext,
  before: RoomState,
  after: RoomState,
  change: Pick<WorkshopChange, 'submitted'> & Partial<Pick<WorkshopChange, 'after'>>,
): Promise<void> {
  const template = templateOf(before)
  if (!template.ledger || !before.workshop) return
  // A bare share-link token (a facilitator who has not joined) acts as nobody in particular.
  const actor = context.credential.member ?? { id: '', name: 'A facilitator' }
  const events = template.ledger({
    before: before.workshop.data,
    after: change.after ?? after.workshop?.data ?? before.workshop.data,
    phaseBefore: currentPhase(before.plan).id,
    phaseAfter: currentPhase(after.plan).id,
    actor: { id: actor.id, name: actor.name },
    submitted: change.submitted,
  })
  await context.records.appendWorkshopEvents(
    context.credential.roomId,
    events,
    new Date(context.now()),
  )
}

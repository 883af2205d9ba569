import { noLocks, ok } from '@accord/facilitation'
import type { OptionValues, PreviousWorkshop, RevisitedDecision, Template } from '@accord/templates'
import type { WorkshopServices } from './workshop-services.js'

/**
 * Sets a new room up for its template: the regions laid out on the board (fixed for
 * participants), the method's phases, anonymity, and the template's initial state.
 */
export async function setUpWorkshop(
  services: WorkshopServices,
  roomId: string,
  template: Template,
  options: OptionValues,
  previous: PreviousWorkshop | null,
  revisit: RevisitedDecision | null = null,
): Promise<void> {
  const plan = template.create(options, previous, revisit)
  const layout = await services.board.layOut(roomId, plan.regions)
  const result = await services.roomStates.change(roomId, () =>
    ok({
      plan: { phases: plan.phases, currentIndex: 0 },
      settings: { anonymous: plan.anonymous },
      locks: { ...noLocks, layout },
      workshop: { template: template.id, options, data: plan.data, closedAt: null },
    }),
  )
  if (!result.ok) throw new Error(result.error)
}

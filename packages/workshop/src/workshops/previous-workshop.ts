import { ApiError } from '@accord/api'
import type { RecordRepository } from '@accord/db'
import { openActionsOf, type PreviousWorkshop } from '@accord/templates'
import type { CredentialResolver } from '../credential.js'
import { liveResult } from './live-result.js'
import type { WorkshopServices } from './workshop-services.js'

/**
 * The earlier workshop a new one follows up — only for someone who facilitates it (its token
 * proves it), so nobody reads another team's actions by naming their room. Its open actions are
 * read from the board as it stands now (never older than its last stored result), as followed up
 * since: an item marked done or dropped in the action-item view is not carried over, and a new
 * owner or due date given there is.
 */
export async function previousWorkshop(
  services: WorkshopServices & {
    readonly records: RecordRepository
    /** The server's access layer: what the follow-up's token opens. */
    readonly resolveCredential: CredentialResolver
  },
  followUp: { roomId: string; token: string },
  template: string,
): Promise<PreviousWorkshop> {
  const credential = await services.resolveCredential(followUp.roomId, followUp.token)
  if (credential?.role !== 'facilitator') {
    throw new ApiError(
      403,
      'forbidden',
      'followUp: only a facilitator of the earlier workshop can follow it up',
    )
  }
  const live = await liveResult(services, followUp.roomId)
  if (live.template.id !== template) {
    throw new ApiError(
      400,
      'invalid_follow_up',
      `followUp: the earlier workshop is a ${live.template.id}, not a ${template}`,
    )
  }
  const [room, followedUp] = await Promise.all([
    services.rooms.find(followUp.roomId),
    services.records.actionItems({ roomId: followUp.roomId }),
  ])
  // Known by its id once its note carries it (fac:AI4); by its words on a board from before.
  const byId = new Map(followedUp.map((item) => [item.id, item]))
  const byText = new Map(followedUp.map((item) => [item.text, item]))
  const openActions = openActionsOf(live.result).flatMap((action) => {
    const item = (action.id ? byId.get(action.id) : undefined) ?? byText.get(action.text)
    if (!item) return [action]
    return item.status === 'open'
      ? [{ ...action, ownerName: item.ownerName, due: item.due, id: item.id }]
      : []
  })
  return { roomId: followUp.roomId, title: room?.title ?? 'the last workshop', openActions }
}

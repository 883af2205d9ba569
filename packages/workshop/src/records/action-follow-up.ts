import type { ActionItemRecord } from '@accord/records'
import { roomMembers } from '../workshops/live-result.js'
import type { WorkshopServices } from '../workshops/workshop-services.js'

/** The owner id a note carries for someone who is not a member of its room. */
export const EXTERNAL_OWNER = 'external'

/**
 * [fac:AI4] Writes stored action items' follow-up onto the notes they came from, in their
 * workshop's board: the board shows, and its exports say, the owner, due date and status the
 * store has — within the moment of a change made anywhere (the follow-up view, a later retro's
 * review, a save). The owner is the member of that name, or marked external.
 */
export async function showFollowUpOnBoard(
  services: WorkshopServices,
  items: readonly ActionItemRecord[],
): Promise<void> {
  const byRoom = new Map<string, ActionItemRecord[]>()
  for (const item of items) {
    // Only items from a note (not a pre-mortem's mitigations) and from a board still there.
    const shapeId = item.source.shapeIds[0]
    if (!item.source.roomId || !shapeId?.startsWith('shape:')) continue
    byRoom.set(item.source.roomId, [...(byRoom.get(item.source.roomId) ?? []), item])
  }
  for (const [roomId, roomItems] of byRoom) {
    if (!(await services.rooms.find(roomId))) continue
    const members = await roomMembers(services, roomId)
    const idOf = (name: string) =>
      members.find((m) => m.name.toLowerCase() === name.toLowerCase())?.id ?? EXTERNAL_OWNER
    await services.board.writeActionFollowUps(
      roomId,
      roomItems.map((item) => ({
        shapeId: item.source.shapeIds[0]!,
        id: item.id,
        status: item.status,
        ownerId: idOf(item.ownerName),
        ownerName: item.ownerName,
        due: item.due,
        text: item.text,
      })),
    )
  }
}

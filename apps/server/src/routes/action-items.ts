import { api, ApiError } from '@accord/api'
import type { AccessRepository, RecordRepository, RoomLock } from '@accord/db'
import type { ActionItemRecord } from '@accord/records'
import { showFollowUpOnBoard, underRoomLock, type WorkshopServices } from '@accord/workshop'
import { Hono } from 'hono'
import { requireRoomPermission } from '../access/room-credential.js'
import { readJson, readQuery } from '../http/validate-json.js'

const itemId = /^AI-\d{1,9}$/

/**
 * Action items across workshops, for following up: filter by owner and status (overdue too);
 * anyone who can edit the workshop an item came from updates its status, owner or due date —
 * under the lock of that workshop's room, taking its turn with the room's commands (a close or
 * "Record decision" saving the same items), on every instance. The item's note on its board shows
 * the change at once.
 */
export function actionItemRoutes(
  deps: WorkshopServices & {
    records: RecordRepository
    access: AccessRepository
    roomLock: RoomLock
    now: () => number
  },
) {
  const app = new Hono()

  app.get('/', async (c) => {
    const { owner, status, room } = readQuery(c, api.actionItems.search.query)
    const today = new Date(deps.now()).toISOString().slice(0, 10)
    return c.json<ActionItemRecord[]>(
      await deps.records.actionItems({
        ...(owner ? { owner } : {}),
        ...(room ? { roomId: room } : {}),
        ...(status === 'overdue' ? { overdueOn: today } : status ? { status } : {}),
      }),
    )
  })

  app.get('/:id', async (c) => {
    const id = c.req.param('id')
    const item = itemId.test(id) ? await deps.records.actionItem(id) : null
    if (!item) throw new ApiError(404, 'action_item_not_found', `no action item ${id}`)
    return c.json<ActionItemRecord>(item)
  })

  app.post('/:id', async (c) => {
    const id = c.req.param('id')
    const item = itemId.test(id) ? await deps.records.actionItem(id) : null
    if (!item) throw new ApiError(404, 'action_item_not_found', `no action item ${id}`)
    const update = await readJson(c, api.actionItems.update.body)
    const who = await requireRoomPermission(
      deps.access,
      item.source.roomId,
      c.req.header('authorization'),
      'board.edit',
      'update action items',
    )
    const changed = await underRoomLock(deps.roomLock, item.source.roomId, async () => {
      const result = await deps.records.updateActionItem(
        id,
        Object.fromEntries(Object.entries(update).filter(([, value]) => value !== undefined)),
        who.member?.name ?? null,
        new Date(deps.now()),
      )
      // Its note on the board says so too, for everyone in the room (fac:AI4).
      if (result?.ok) await showFollowUpOnBoard(deps, [result.value])
      return result
    })
    if (!changed) throw new ApiError(404, 'action_item_not_found', `no action item ${id}`)
    if (!changed.ok) throw new ApiError(409, 'refused', changed.error)
    return c.json<ActionItemRecord>(changed.value)
  })

  return app
}

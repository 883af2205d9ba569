import type { RoomMember } from '@accord/api'
import type { AccessRepository } from '@accord/db'
import {
  type ActionItem,
  actionItems,
  type BoardGroup,
  boardGroups,
  type Role,
} from '@accord/facilitation'
import type { RoomRegistry } from '@accord/sync'
import { RECORDS_MAP } from '@accord/tldraw-yjs'
import { withRoom } from '@accord/workshop'
import { Hono } from 'hono'
import type { AuthEnv } from '../access/authenticate.js'

/**
 * What the board says as data, for anyone in the room: its groups, its action items, and the
 * people who can own an action. Mounted by `roomRoutes` behind its authentication.
 */
export function roomBoardRoutes(deps: { registry: RoomRegistry; access: AccessRepository }) {
  const app = new Hono<AuthEnv>()
  const records = (roomId: string) =>
    withRoom(deps.registry, roomId, async (room) => [...room.doc.getMap(RECORDS_MAP).values()])

  app.get('/:id/groups', async (c) =>
    c.json<BoardGroup[]>(boardGroups(await records(c.get('credential').roomId))),
  )

  app.get('/:id/action-items', async (c) =>
    c.json<ActionItem[]>(actionItems(await records(c.get('credential').roomId))),
  )

  // People who can own an action item: the room's participants and facilitators.
  app.get('/:id/members', async (c) => {
    const { roomId } = c.get('credential')
    const owners: readonly Role[] = ['facilitator', 'participant']
    const members = await deps.access.members(roomId)
    return c.json<RoomMember[]>(
      members
        .filter((member) => owners.includes(member.role))
        .map((member) => ({ id: member.id, name: member.name, role: member.role })),
    )
  })

  return app
}

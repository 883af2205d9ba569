import type { AccessRepository } from '@accord/db'
import { Hono } from 'hono'
import { z } from 'zod'
import { type AuthEnv, requirePermission } from '../access/authenticate.js'
import type { LiveConnections } from '../access/live-connections.js'
import type { RoomStates } from '../room-state/room-states.js'
import { dispatchCommand } from '../commands/dispatch.js'
import { readJson } from '../http/validate-json.js'

/**
 * `POST /api/rooms/:id/commands` (every change to room state) and the room's audit log. Mounted
 * by `roomRoutes` behind its authentication.
 */
export function roomCommandRoutes(deps: {
  access: AccessRepository
  connections: LiveConnections
  roomStates: RoomStates
  now: () => number
}) {
  const app = new Hono<AuthEnv>()

  app.post('/:id/commands', async (c) => {
    const body = await readJson(c, z.unknown())
    const result = await dispatchCommand(
      {
        credential: c.get('credential'),
        access: deps.access,
        connections: deps.connections,
        roomStates: deps.roomStates,
        now: deps.now,
        origin: new URL(c.req.url).origin,
      },
      body,
    )
    return c.json(result)
  })

  app.get('/:id/audit', async (c) => {
    const { roomId } = requirePermission(c, 'room.facilitate', 'read the audit log')
    const entries = await deps.access.commands(roomId)
    return c.json(entries.map((entry) => ({ ...entry, at: entry.at.toISOString() })))
  })

  return app
}

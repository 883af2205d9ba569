import type { AccessRepository, BallotRepository } from '@accord/db'
import { type Context, Hono } from 'hono'
import { z } from 'zod'
import { type AuthEnv, requirePermission } from '../access/authenticate.js'
import type { LiveConnections } from '../access/live-connections.js'
import type { RoomStates } from '../room-state/room-states.js'
import type { CommandContext } from '../commands/command.js'
import { dispatchCommand } from '../commands/dispatch.js'
import { ownBallot } from '../commands/vote-commands.js'
import { readJson } from '../http/validate-json.js'

/**
 * `POST /api/rooms/:id/commands` (every change to room state) and the room's audit log. Mounted
 * by `roomRoutes` behind its authentication.
 */
export function roomCommandRoutes(deps: {
  access: AccessRepository
  ballots: BallotRepository
  connections: LiveConnections
  roomStates: RoomStates
  now: () => number
}) {
  const app = new Hono<AuthEnv>()
  const context = (c: Context<AuthEnv>): CommandContext => ({
    credential: c.get('credential'),
    access: deps.access,
    ballots: deps.ballots,
    connections: deps.connections,
    roomStates: deps.roomStates,
    now: deps.now,
    origin: new URL(c.req.url).origin,
  })

  app.post('/:id/commands', async (c) => {
    const body = await readJson(c, z.unknown())
    return c.json(await dispatchCommand(context(c), body))
  })

  // The caller's own dots in the current vote; tallies are published only when it closes.
  app.get('/:id/vote/ballot', async (c) => c.json(await ownBallot(context(c))))

  app.get('/:id/audit', async (c) => {
    const { roomId } = requirePermission(c, 'room.facilitate', 'read the audit log')
    const entries = await deps.access.commands(roomId)
    return c.json(entries.map((entry) => ({ ...entry, at: entry.at.toISOString() })))
  })

  return app
}

import type {
  AccessRepository,
  BallotRepository,
  PrivateNoteRepository,
  RecordRepository,
  RoomLock,
  RoomRepository,
  WorkshopRepository,
} from '@accord/db'
import {
  api,
  type AuditEntry,
  type BallotView,
  type NotesSummary,
  type PrivateNote,
} from '@accord/api'
import type { RoomRegistry } from '@accord/sync'
import {
  type BoardWriter,
  type CommandContext,
  dispatchCommand,
  ownBallot,
  presentNote,
  requireMember,
  type RoomStates,
} from '@accord/workshop'
import { type Context, Hono } from 'hono'
import { z } from 'zod'
import { type AuthEnv, requirePermission } from '../access/authenticate.js'
import type { LiveConnections } from '../access/live-connections.js'
import { newLinkToken } from '../access/tokens.js'
import { readJson, readQuery } from '../http/validate-json.js'

/**
 * `POST /api/rooms/:id/commands` (every change to room state) and the room's audit log. Mounted
 * by `roomRoutes` behind its authentication.
 */
export function roomCommandRoutes(deps: {
  rooms: RoomRepository
  registry: RoomRegistry
  workshops: WorkshopRepository
  records: RecordRepository
  access: AccessRepository
  ballots: BallotRepository
  notes: PrivateNoteRepository
  board: BoardWriter
  connections: LiveConnections
  roomStates: RoomStates
  roomLock: RoomLock
  now: () => number
}) {
  const app = new Hono<AuthEnv>()
  const context = (c: Context<AuthEnv>): CommandContext => ({
    credential: c.get('credential'),
    rooms: deps.rooms,
    registry: deps.registry,
    workshops: deps.workshops,
    records: deps.records,
    access: deps.access,
    ballots: deps.ballots,
    notes: deps.notes,
    board: deps.board,
    connections: deps.connections,
    roomStates: deps.roomStates,
    roomLock: deps.roomLock,
    now: deps.now,
    origin: new URL(c.req.url).origin,
    newLinkToken,
  })

  // The command's own schema is chosen by its type (`dispatch.ts`); any JSON gets that far.
  app.post('/:id/commands', async (c) => {
    const body = await readJson(c, z.unknown())
    return c.json(await dispatchCommand(context(c), body))
  })

  // The caller's own dots in the current vote; tallies are published only when it closes.
  app.get('/:id/vote/ballot', async (c) => c.json<BallotView>(await ownBallot(context(c))))

  // The caller's own private notes: nobody else's are ever returned.
  app.get('/:id/private-notes', async (c) => {
    const self = requireMember(c.get('credential'))
    const notes = await deps.notes.byMember(c.get('credential').roomId, self.id)
    return c.json<PrivateNote[]>(notes.map(presentNote))
  })

  // How many notes wait to be revealed, and from how many people — never whose or what.
  app.get('/:id/private-notes/summary', async (c) => {
    const counts = await deps.notes.unrevealedCounts(c.get('credential').roomId)
    const unrevealed = [...counts.values()].reduce((sum, n) => sum + n, 0)
    return c.json<NotesSummary>({ unrevealed, writers: counts.size })
  })

  // Oldest first, a page at a time: `?after=<seq of the last entry read>&limit=<n>`. A full page
  // links to the next one (`Link: <…>; rel="next"`).
  app.get('/:id/audit', async (c) => {
    const { roomId } = requirePermission(c, 'room.facilitate', 'read the audit log')
    const page = readQuery(c, api.roomReads.audit.query)
    const entries = await deps.access.commands(roomId, page)
    const last = entries.at(-1)
    if (last !== undefined && entries.length === page.limit) {
      const next = new URL(c.req.url)
      next.searchParams.set('after', String(last.seq))
      next.searchParams.set('limit', String(page.limit))
      c.header('Link', `<${next.pathname}${next.search}>; rel="next"`)
    }
    return c.json<AuditEntry[]>(entries.map((entry) => ({ ...entry, at: entry.at.toISOString() })))
  })

  return app
}

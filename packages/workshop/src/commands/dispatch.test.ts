import { ApiError } from '@accord/api'
import {
  InProcessRoomLock,
  openSqlite,
  type RoomLock,
  RoomLockTimeout,
  SqliteAccessRepository,
  SqliteBallotRepository,
  SqliteDocumentStore,
  SqlitePrivateNoteRepository,
  SqliteRecordRepository,
  SqliteRoomRepository,
  SqliteWorkshopRepository,
} from '@accord/db'
import { RoomRegistry } from '@accord/sync'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BoardWriter } from '../room-state/board-writer.js'
import { RoomStates } from '../room-state/room-states.js'
import type { CommandContext } from './command.js'
import { dispatchCommand } from './dispatch.js'

const roomId = 'room-under-lock'
let database: ReturnType<typeof openSqlite>
let context: (roomLock: RoomLock) => CommandContext

beforeEach(async () => {
  database = openSqlite({ path: ':memory:' })
  const rooms = new SqliteRoomRepository(database.db)
  await rooms.create(
    { id: roomId, title: 'Locks', createdAt: new Date(0), template: 'blank', previousRoomId: null },
    { facilitator: 'f'.repeat(32), participant: 'p'.repeat(32), viewer: 'v'.repeat(32) },
  )
  const registry = new RoomRegistry({ store: new SqliteDocumentStore(database.db) })
  context = (roomLock) => ({
    credential: { roomId, role: 'facilitator', member: null },
    rooms,
    registry,
    workshops: new SqliteWorkshopRepository(database.db),
    records: new SqliteRecordRepository(database.db),
    access: new SqliteAccessRepository(database.db),
    connections: { disconnect: () => 0, rename: () => {} },
    roomStates: new RoomStates(registry),
    ballots: new SqliteBallotRepository(database.db),
    notes: new SqlitePrivateNoteRepository(database.db),
    board: new BoardWriter(registry),
    roomLock,
    origin: 'http://localhost',
    newLinkToken: () => 't'.repeat(32),
    now: () => 1_000_000,
  })
})
afterEach(() => database.close())

const audited = async (ctx: CommandContext) =>
  (await ctx.access.commands(roomId, { after: 0, limit: 10 })).map(({ type, outcome, reason }) => ({
    type,
    outcome,
    reason,
  }))

describe('dispatchCommand under the room lock', () => {
  it('a command waits while another change holds its room, then runs and is audited', async () => {
    const lock = new InProcessRoomLock()
    const ctx = context(lock)
    const events: string[] = []
    let release!: () => void
    const released = new Promise<void>((resolve) => (release = resolve))
    const holder = lock.run(roomId, async () => {
      await released
      events.push('holder done')
    })
    const command = dispatchCommand(ctx, { type: 'timer.start', seconds: 60 }).then(() =>
      events.push('command done'),
    )
    // Nothing of it has happened while the room is held: neither the change nor its audit.
    expect((await ctx.roomStates.read(roomId)).timer.state).toBe('idle')
    expect(await audited(ctx)).toEqual([])
    events.push('still idle')
    release()
    await Promise.all([holder, command])
    expect(events).toEqual(['still idle', 'holder done', 'command done'])
    expect((await ctx.roomStates.read(roomId)).timer.state).toBe('running')
    expect(await audited(ctx)).toEqual([{ type: 'timer.start', outcome: 'accepted', reason: null }])
  })

  it('a room that stays busy answers 503 room_busy, audited as refused', async () => {
    const busy: RoomLock = { run: async (id) => Promise.reject(new RoomLockTimeout(id)) }
    const ctx = context(busy)
    const refused = await dispatchCommand(ctx, { type: 'timer.start', seconds: 60 }).catch(
      (error: unknown) => error,
    )
    expect(refused).toBeInstanceOf(ApiError)
    expect(refused).toMatchObject({ status: 503, code: 'room_busy' })
    expect(await audited(ctx)).toEqual([
      {
        type: 'timer.start',
        outcome: 'refused',
        reason: 'the room is busy with other changes: try again',
      },
    ])
    expect((await ctx.roomStates.read(roomId)).timer.state).toBe('idle')
  })
})

/**
 * The whole HTTP app in process, on a real in-memory SQLite database, for route tests that need
 * no socket: requests go straight to `app.request`.
 */
import {
  openSqlite,
  type RoomLock,
  type SessionRepository,
  SqliteAccessRepository,
  SqliteBallotRepository,
  SqliteDocumentStore,
  SqlitePrivateNoteRepository,
  SqliteRecordRepository,
  SqliteRoomRepository,
  SqliteSessionRepository,
  SqliteWorkshopRepository,
} from '@accord/db'
import { RoomRegistry } from '@accord/sync'
import { BoardWriter, RoomStates } from '@accord/workshop'
import { expect } from 'vitest'
import type { HostPolicy } from '../access/host-policy.js'
import { LiveConnections } from '../access/live-connections.js'
import { createApp } from '../app.js'
import { createLogger, type ServerLogger } from '../log.js'

export interface CreatedRoom {
  id: string
  title: string
  template: string
  tokens: Record<'facilitator' | 'participant' | 'viewer', string>
  links: Record<'facilitator' | 'participant' | 'viewer' | 'board', string>
}

export type InProcessApp = ReturnType<typeof inProcessApp>

export function inProcessApp(
  now: () => number = Date.now,
  options: {
    readonly accessKey?: string
    readonly trustProxy?: boolean
    readonly hostPolicy?: HostPolicy
    /** Sessions kept elsewhere (another app's database): a second instance sharing them. */
    readonly sessions?: SessionRepository
    /** Silent when omitted. */
    readonly logger?: ServerLogger
    /** The room lock commands and record changes take turns under; in this process if omitted. */
    readonly roomLock?: RoomLock
  } = {},
) {
  const database = openSqlite({ path: ':memory:' })
  const access = new SqliteAccessRepository(database.db)
  const registry = new RoomRegistry({ store: new SqliteDocumentStore(database.db) })
  const app = createApp({
    rooms: new SqliteRoomRepository(database.db),
    access,
    ballots: new SqliteBallotRepository(database.db),
    notes: new SqlitePrivateNoteRepository(database.db),
    workshops: new SqliteWorkshopRepository(database.db),
    records: new SqliteRecordRepository(database.db),
    sessions: new SqliteSessionRepository(database.db),
    board: new BoardWriter(registry),
    registry,
    roomStates: new RoomStates(registry),
    now,
    connections: new LiveConnections(),
    logger: createLogger('silent'),
    webDist: null,
    ...options,
  })

  const json = { 'content-type': 'application/json' }
  const post = (path: string, body: string, token?: string) =>
    app.request(path, {
      method: 'POST',
      headers: token ? { ...json, authorization: `Bearer ${token}` } : json,
      body,
    })
  const get = (path: string, token?: string) =>
    app.request(path, token ? { headers: { authorization: `Bearer ${token}` } } : {})

  return {
    app,
    database,
    access,
    registry,
    post,
    get,
    command: (roomId: string, token: string, body: object) =>
      post(`/api/rooms/${roomId}/commands`, JSON.stringify(body), token),

    async createRoom(body: string | object = 'Q3 planning'): Promise<CreatedRoom> {
      const response = await post(
        '/api/rooms',
        JSON.stringify(typeof body === 'string' ? { title: body } : body),
      )
      expect(response.status).toBe(201)
      return (await response.json()) as CreatedRoom
    },

    async join(roomId: string, linkToken: string, name?: string) {
      const response = await post(
        `/api/rooms/${roomId}/join`,
        JSON.stringify(name ? { name } : {}),
        linkToken,
      )
      expect(response.status).toBe(201)
      return (await response.json()) as {
        member: { id: string; name: string; role: string }
        token: string
      }
    },
  }
}

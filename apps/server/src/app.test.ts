import {
  openSqlite,
  type SqliteHandle,
  SqliteDocumentStore,
  SqliteRoomRepository,
} from '@accord/db'
import { RoomRegistry } from '@accord/sync'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApp } from './app.js'
import { createLogger } from './log.js'
import { ConnectionCounter } from './sync/sync-endpoint.js'

let database: SqliteHandle
let app: ReturnType<typeof createApp>

beforeEach(() => {
  database = openSqlite({ path: ':memory:' })
  const rooms = new SqliteRoomRepository(database.db)
  app = createApp({
    rooms,
    registry: new RoomRegistry({ store: new SqliteDocumentStore(database.db) }),
    connections: new ConnectionCounter(),
    logger: createLogger('silent'),
    webDist: null,
  })
})

afterEach(() => database.close())

const post = (body: string) =>
  app.request('/api/rooms', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  })

describe('HTTP API', () => {
  it('GET /healthz answers ok with live figures', async () => {
    const response = await app.request('/healthz')
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ ok: true, loadedRooms: 0, connections: 0 })
  })

  it('GET /readyz checks storage', async () => {
    expect((await app.request('/readyz')).status).toBe(200)
    database.close()
    const response = await app.request('/readyz')
    expect(response.status).toBe(503)
    expect(await response.json()).toMatchObject({ ok: false, error: 'storage_unavailable' })
  })

  it('POST /api/rooms creates a room with an unguessable id and a board link', async () => {
    const response = await post(JSON.stringify({ title: '  Q3 planning  ' }))
    expect(response.status).toBe(201)
    const room = (await response.json()) as { id: string; title: string; links: { board: string } }
    expect(room.id).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(room.title).toBe('Q3 planning')
    expect(room.links.board).toBe(`http://localhost/b/${room.id}`)
    const fetched = await app.request(`/api/rooms/${room.id}`)
    expect(fetched.status).toBe(200)
    expect(await fetched.json()).toMatchObject({ id: room.id, title: 'Q3 planning' })
  })

  it('an empty or missing title gets a default', async () => {
    for (const body of ['{}', '', '{"title":""}']) {
      const response = await post(body)
      expect(response.status).toBe(201)
      expect(await response.json()).toMatchObject({ title: 'Untitled board' })
    }
  })

  it.each([
    ['{not json', 'invalid_json', 'not valid JSON'],
    ['{"title": 42}', 'invalid_request', 'title: must be a string'],
    [JSON.stringify({ title: 'x'.repeat(201) }), 'invalid_request', 'title: must be at most 200'],
    [JSON.stringify({ title: 'bad\u0007bell' }), 'invalid_request', 'control characters'],
  ])('refuses %s with 400 naming the problem', async (body, error, message) => {
    const response = await post(body)
    expect(response.status).toBe(400)
    const json = (await response.json()) as { error: string; message: string }
    expect(json.error).toBe(error)
    expect(json.message).toContain(message)
  })

  it('refuses an oversized body with 413', async () => {
    const response = await post(JSON.stringify({ title: 'x'.repeat(70 * 1024) }))
    expect(response.status).toBe(413)
    expect(await response.json()).toMatchObject({ error: 'body_too_large' })
  })

  it('answers unknown rooms and API paths with 404 JSON', async () => {
    for (const path of ['/api/rooms/unknown', '/api/rooms/..%2F..', '/api/nothing']) {
      const response = await app.request(path)
      expect(response.status).toBe(404)
      expect(await response.json()).toMatchObject({
        error: expect.any(String),
        message: expect.any(String),
      })
    }
  })
})

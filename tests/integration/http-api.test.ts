import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ServerProcess, startServer } from '../support/server-process.js'

let server: ServerProcess

beforeAll(async () => {
  server = await startServer()
})
afterAll(async () => {
  await server.stop()
})

function post(path: string, body: string | object): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

/** Every API error has the same JSON shape: a stable code and a message for people. */
async function expectApiError(response: Response, status: number): Promise<{ message: string }> {
  expect(response.status).toBe(status)
  expect(response.headers.get('content-type')).toMatch(/^application\/json/)
  const body = (await response.json()) as { error: unknown; message: unknown }
  expect(body).toEqual({ error: expect.any(String), message: expect.any(String) })
  expect(body.message).not.toBe('')
  return body as { message: string }
}

describe('HTTP API', () => {
  it('GET /healthz reports the process alive', async () => {
    const response = await fetch(`${server.url}/healthz`)
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({
      ok: true,
      loadedRooms: expect.any(Number),
      connections: expect.any(Number),
    })
  })

  it('POST /api/rooms creates a room with an unguessable URL-safe id', async () => {
    const first = await post('/api/rooms', { title: 'x' })
    expect(first.status).toBe(201)
    const room = (await first.json()) as { id: string; title: string }
    expect(room.id).toMatch(/^[A-Za-z0-9_-]{20,}$/)
    expect(room.title).toBe('x')

    const second = (await (await post('/api/rooms', { title: 'x' })).json()) as { id: string }
    expect(second.id).toMatch(/^[A-Za-z0-9_-]{20,}$/)
    expect(second.id).not.toBe(room.id)
  })

  it('GET /api/rooms/:id returns the stored room', async () => {
    const created = (await (await post('/api/rooms', { title: 'Sprint retro' })).json()) as {
      id: string
      tokens: { viewer: string }
    }
    const url = `${server.url}/api/rooms/${created.id}`
    expect((await fetch(url)).status).toBe(401) // a room is read with one of its tokens
    const response = await fetch(url, {
      headers: { authorization: `Bearer ${created.tokens.viewer}` },
    })
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ id: created.id, title: 'Sprint retro' })
  })

  it('GET /api/rooms/:id of an unknown room is a 404 JSON error', async () => {
    await expectApiError(await fetch(`${server.url}/api/rooms/NoSuchRoomXXXXXXXXXXXX`), 404)
  })

  it('POST /api/rooms with invalid JSON is a 400', async () => {
    await expectApiError(await post('/api/rooms', '{"title": '), 400)
  })

  it('POST /api/rooms with a title of the wrong type is a 400 naming the field', async () => {
    for (const title of [42, ['x'], { text: 'x' }]) {
      const { message } = await expectApiError(await post('/api/rooms', { title }), 400)
      expect(message).toContain('title')
    }
  })

  it('POST /api/rooms validates the title and defaults a missing one', async () => {
    for (const title of ['t'.repeat(201), 'bell\u0007']) {
      const { message } = await expectApiError(await post('/api/rooms', { title }), 400)
      expect(message).toContain('title')
    }
    for (const body of [{}, '']) {
      const response = await post('/api/rooms', body)
      expect(response.status).toBe(201)
      expect(await response.json()).toMatchObject({ title: 'Untitled board' })
    }
  })

  it('POST /api/rooms with a body over 64 KB is a 413 JSON error', async () => {
    const body = JSON.stringify({ title: 'x', padding: 'p'.repeat(65 * 1024) })
    await expectApiError(await post('/api/rooms', body), 413)
  })

  it('an unknown /api path is a 404 JSON error', async () => {
    await expectApiError(await fetch(`${server.url}/api/nothing-here`), 404)
    await expectApiError(await fetch(`${server.url}/api/rooms`), 404) // no listing of rooms
    await expectApiError(await fetch(`${server.url}/api/rooms/x/y`, { method: 'DELETE' }), 404)
  })
})

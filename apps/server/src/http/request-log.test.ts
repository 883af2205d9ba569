import { afterEach, describe, expect, it } from 'vitest'
import { createLogger } from '../log.js'
import { type InProcessApp, inProcessApp } from '../testing/in-process-app.js'
import { roomIdOf } from './request-log.js'

const secret = 'sup3r-secret-t0ken-value'

let t: InProcessApp | undefined
afterEach(() => t?.database.close())

/** The app with a logger that keeps every line it writes. */
function loggedApp(options: { accessKey?: string } = {}) {
  const lines: string[] = []
  t = inProcessApp(Date.now, { ...options, logger: createLogger('debug', (l) => lines.push(l)) })
  const entries = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>)
  return { app: t.app, t, lines, entries }
}

describe('request log', () => {
  it('logs one line per request with its id, method, path, status, time and room', async () => {
    const { app, t, entries } = loggedApp()
    const room = await t.createRoom('Logged')
    const response = await app.request(`/api/rooms/${room.id}`, {
      headers: { authorization: `Bearer ${room.tokens.facilitator}` },
    })
    expect(response.status).toBe(200)
    const requestId = response.headers.get('x-request-id')
    expect(requestId).toMatch(/^[A-Za-z0-9_-]{16}$/)
    const line = entries().find((entry) => entry.requestId === requestId)
    expect(line).toMatchObject({
      level: 'info',
      msg: 'request',
      method: 'GET',
      path: `/api/rooms/${room.id}`,
      status: 200,
      room: room.id,
    })
    expect(typeof line?.ms).toBe('number')
    expect(typeof line?.time).toBe('string')
  })

  it('never logs a token: not from the query string, not from Authorization', async () => {
    const { app, t, lines, entries } = loggedApp()
    const room = await t.createRoom('Secret')
    const before = lines.length
    const withSecret = { headers: { authorization: `Bearer ${secret}`, cookie: `s=${secret}` } }
    const paths = [
      `/sync/${room.id}?token=${secret}`,
      `/b/${room.id}?token=${secret}`,
      `/api/rooms/${room.id}/status?token=${secret}`,
      `/api/rooms/${room.id}/export?format=md&token=${secret}`,
      `/api/nothing-here?token=${secret}`,
      `/healthz?token=${secret}`,
    ]
    for (const path of paths) await app.request(path, withSecret)
    await app.request(`/api/rooms/${room.id}/commands?token=${secret}`, {
      method: 'POST',
      headers: { ...withSecret.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'phase.next', token: secret }),
    })
    const requests = entries()
      .slice(before)
      .filter((entry) => entry.msg === 'request')
    expect(requests).toHaveLength(paths.length + 1)
    expect(requests.map((entry) => entry.path)).toContain(`/sync/${room.id}`)
    for (const entry of requests) expect(String(entry.path)).not.toContain('?')
    expect(requests.filter((entry) => entry.room === room.id)).toHaveLength(5)
    for (const line of lines) expect(line).not.toContain(secret)
  })

  it('takes a safe incoming X-Request-Id and replaces any other', async () => {
    const { app } = loggedApp()
    const id = async (incoming: string) =>
      (await app.request('/healthz', { headers: { 'x-request-id': incoming } })).headers.get(
        'x-request-id',
      )
    expect(await id('proxy-1234.abcd:5')).toBe('proxy-1234.abcd:5')
    for (const unsafe of ['short', 'has space in it', 'a"quote"here', 'x'.repeat(129)]) {
      const answered = await id(unsafe)
      expect(answered).not.toBe(unsafe)
      expect(answered).toMatch(/^[A-Za-z0-9_-]{16}$/)
    }
  })

  it('gives every response, errors included, an id', async () => {
    const { app, entries } = loggedApp()
    const missing = await app.request('/api/nothing-here')
    expect(missing.status).toBe(404)
    expect(missing.headers.get('x-request-id')).toBeTruthy()
    expect(entries().at(-1)).toMatchObject({ status: 404, path: '/api/nothing-here' })
  })

  it('finds the room id in room paths only', () => {
    expect(roomIdOf('/api/rooms/abc_DEF-123/commands')).toBe('abc_DEF-123')
    expect(roomIdOf('/sync/abc')).toBe('abc')
    expect(roomIdOf('/b/abc')).toBe('abc')
    expect(roomIdOf('/api/rooms')).toBeNull()
    expect(roomIdOf('/api/decisions/abc')).toBeNull()
    expect(roomIdOf('/assets/index.js')).toBeNull()
  })
})

describe('logger', () => {
  it('redacts fields named like secrets and keeps time, level and msg its own', () => {
    const lines: string[] = []
    const logger = createLogger('info', (line) => lines.push(line))
    logger.warn('careful', { token: secret, accessKey: secret, msg: 'forged', room: 'r1' })
    expect(JSON.parse(lines[0]!)).toEqual({
      time: expect.any(String),
      level: 'warn',
      msg: 'careful',
      token: '[redacted]',
      accessKey: '[redacted]',
      room: 'r1',
    })
  })
})

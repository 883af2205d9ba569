/**
 * The web surface of the real, built server: security headers on every kind of response, a
 * request id on each, a built index.html without inline script, and logs (one JSON line per
 * request, sync connections opened and closed) that never hold a token.
 */
import { describe, expect, it } from 'vitest'
import { putEntry } from '../support/board-entries.js'
import { useSharedServer } from '../support/fixtures.js'
import { openRawSocket } from '../support/raw-socket.js'
import { createRoom, joinRoom, tokensOf } from '../support/server-process.js'
import { waitFor } from '../support/wait.js'

const shared = useSharedServer()

const expectedHeaders = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
}

function expectSecurityHeaders(response: Response, what: string) {
  const policy = response.headers.get('content-security-policy') ?? ''
  expect(policy, `CSP on ${what}`).toContain("default-src 'self'")
  expect(policy, `CSP on ${what}`).toContain("script-src 'self';")
  expect(policy, `CSP on ${what}`).toContain("frame-ancestors 'none'")
  expect(policy, `CSP on ${what}`).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/)
  for (const [name, value] of Object.entries(expectedHeaders)) {
    expect(response.headers.get(name), `${name} on ${what}`).toBe(value)
  }
  expect(response.headers.get('permissions-policy'), what).toContain('camera=()')
  expect(response.headers.get('x-request-id'), what).toMatch(/^[A-Za-z0-9._:-]{8,128}$/)
}

/** The server's log lines so far, parsed. */
function logEntries(): Record<string, unknown>[] {
  return shared.server.output
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
}

describe('web surface', () => {
  it('every response carries the security headers: app, board page, assets, API, errors, health', async () => {
    const { url } = shared.server
    const home = await fetch(url)
    expect(home.headers.get('content-type')).toContain('text/html')
    const html = await home.text()
    const asset = /<script[^>]* src="([^"]+)"/.exec(html)?.[1]
    expect(asset).toMatch(/^\/assets\/.+\.js$/)
    const roomId = await createRoom(shared.server, 'Headers')

    const cases: [string, Promise<Response>, number][] = [
      ['/', fetch(url), 200],
      ['/b/x', fetch(`${url}/b/x`), 200],
      ['a script asset', fetch(`${url}${asset}`), 200],
      ['/api/templates', fetch(`${url}/api/templates`), 200],
      ['a 404 from the API', fetch(`${url}/api/no-such-thing`), 404],
      ['a 401 from the API', fetch(`${url}/api/rooms/${roomId}`), 401],
      ['an unknown room', fetch(`${url}/api/rooms/${'r'.repeat(22)}`), 404],
      [
        'a 400 from the API',
        fetch(`${url}/api/rooms`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{not json',
        }),
        400,
      ],
      ['/healthz', fetch(`${url}/healthz`), 200],
      ['/readyz', fetch(`${url}/readyz`), 200],
      ['/metrics', fetch(`${url}/metrics`), 200],
    ]
    for (const [what, pending, status] of cases) {
      const response = await pending
      expect(response.status, what).toBe(status)
      expectSecurityHeaders(response, what)
      if (status >= 400) {
        expect(response.headers.get('content-type'), what).toContain('application/json')
        expect(await response.json(), what).toMatchObject({ error: expect.any(String) })
      }
    }
  })

  it('the built page has no inline script and keeps tokens out of referrers', async () => {
    const html = await (await fetch(shared.server.url)).text()
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    expect(scripts.length).toBeGreaterThan(0)
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="\/assets\//)
      expect(body?.trim()).toBe('')
    }
    expect(html).not.toMatch(/\son[a-z]+=/i) // no inline event handlers either
    expect(html).toContain('<meta name="referrer" content="no-referrer" />')
  })

  it('a request id is taken from a proxy when it is safe, and made up otherwise', async () => {
    const ask = async (id: string) =>
      (
        await fetch(`${shared.server.url}/healthz`, { headers: { 'x-request-id': id } })
      ).headers.get('x-request-id')
    expect(await ask('edge-7f3a9c21')).toBe('edge-7f3a9c21')
    expect(await ask('bad id with spaces')).not.toBe('bad id with spaces')
    const id = await ask('edge-logged-0001')
    await waitFor(() => logEntries().some((entry) => entry.requestId === id))
    expect(logEntries().find((entry) => entry.requestId === id)).toMatchObject({
      level: 'info',
      msg: 'request',
      method: 'GET',
      path: '/healthz',
      status: 200,
      ms: expect.any(Number),
    })
  })

  it('logs requests and sync connections with room ids, and never a token', async () => {
    const { server } = shared
    const roomId = await createRoom(server, 'Logged room')
    const tokens = tokensOf(roomId)
    const member = await joinRoom(server, roomId, tokens.participant, 'Ada')
    const secrets = [...Object.values(tokens), member.token]

    const client = shared.client(roomId, { token: member.token })
    await client.whenSynced()
    putEntry(client.doc, 't', 'hello')
    for (const token of secrets) {
      await fetch(`${server.url}/api/rooms/${roomId}?token=${token}`, {
        headers: { authorization: `Bearer ${token}` },
      })
      await fetch(`${server.url}/b/${roomId}?token=${token}`)
    }
    const refused = await openRawSocket(server.wsUrl, roomId, { token: 'not-a-real-token' })
    expect((await refused.closed).code).toBe(4401)
    client.destroy()

    await waitFor(
      () =>
        logEntries().some(
          (entry) => entry.msg === 'sync connection closed' && entry.role === 'participant',
        ),
      { what: 'the sync connection to be logged closed' },
    )
    const entries = logEntries()
    const opened = entries.find((entry) => entry.msg === 'sync connection opened')
    expect(opened).toMatchObject({
      room: roomId,
      role: 'participant',
      requestId: expect.any(String),
    })
    expect(entries).toContainEqual(
      expect.objectContaining({
        msg: 'request',
        method: 'GET',
        path: `/sync/${roomId}`,
        status: 101,
        room: roomId,
        requestId: opened?.requestId,
      }),
    )
    expect(entries).toContainEqual(
      expect.objectContaining({
        msg: 'sync connection closed',
        room: roomId,
        role: null,
        code: 4401,
      }),
    )
    expect(entries).toContainEqual(
      expect.objectContaining({ msg: 'request', path: `/api/rooms/${roomId}`, room: roomId }),
    )
    for (const line of server.output) {
      for (const secret of secrets) expect(line).not.toContain(secret)
      expect(line).not.toContain('?token')
    }
  })
})

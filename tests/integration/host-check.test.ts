/**
 * DNS rebinding against the real built server: a page on `evil.example` whose name now points at
 * the server sends `Host: evil.example` with its own, matching `Origin`. A loopback-only server
 * answers only loopback names; with `ACCORD_PUBLIC_URL` only that name (and loopback). Refusals are
 * `421 host_not_allowed` — for the API, the app's pages and WebSocket upgrades alike — and the
 * server says once in its log which setting fixes it.
 */
import { request as httpRequest } from 'node:http'
import { describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { usePerTestServers } from '../support/fixtures.js'
import { createRoom, type ServerProcess, tokensOf } from '../support/server-process.js'

const servers = usePerTestServers()

interface Answer {
  readonly status: number
  readonly type: string
  readonly body: string
}

/** An HTTP request to `server` claiming to be for `host` (fetch cannot set `Host`). */
function send(
  server: ServerProcess,
  host: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: options.method ?? 'GET',
        headers: { ...options.headers, host },
      },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'] ?? '', body }),
        )
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

/** The stock `ws` client's upgrade to `/sync/<room>`, claiming `host`: 101, or the refusal's status. */
function upgradeStatus(server: ServerProcess, roomId: string, host: string): Promise<number> {
  const token = encodeURIComponent(tokensOf(roomId).participant)
  const ws = new WebSocket(`${server.wsUrl}/sync/${roomId}?token=${token}`, { headers: { host } })
  return new Promise((resolve) => {
    ws.once('upgrade', () => {
      resolve(101)
      ws.close()
    })
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0)
      res.resume()
      ws.terminate()
    })
    ws.on('error', () => {})
  })
}

const refusals = (server: ServerProcess) =>
  server.output.filter((line) => line.includes('"msg":"request refused: host not allowed"'))

describe('Host check (real server)', () => {
  it('a loopback-only server refuses a rebound name, with its matching Origin, on every path', async () => {
    const server = await servers.start()
    const evil = `evil.example:${server.port}`
    const forged = await send(server, evil, '/api/rooms', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: `http://${evil}` },
      body: JSON.stringify({ title: 'Rebound' }),
    })
    expect(forged.status).toBe(421)
    expect(forged.type).toMatch(/^application\/json/)
    const error = JSON.parse(forged.body) as { error: string; message: string }
    expect(error.error).toBe('host_not_allowed')
    expect(error.message).toContain('ACCORD_PUBLIC_URL')
    expect(error.message).toContain('ACCORD_TRUST_PROXY')
    expect((await send(server, evil, '/api/decisions')).status).toBe(421)

    // The browser opening the app at that name gets a page saying what to do.
    const page = await send(server, evil, '/', { headers: { accept: 'text/html' } })
    expect(page.status).toBe(421)
    expect(page.type).toMatch(/^text\/html/)
    expect(page.body).toContain(`ACCORD_PUBLIC_URL=https://evil.example:${server.port}`)

    // The server's own names are served as before.
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`]) {
      const own = await send(server, host, '/api/rooms', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: `http://${host}` },
        body: JSON.stringify({ title: 'Local' }),
      })
      expect(own.status, host).toBe(201)
    }

    // One log line for that host, however many requests it sent.
    await expect.poll(() => refusals(server).length).toBe(1)
    expect(refusals(server)[0]).toContain(`"host":"${evil}"`)
    expect(refusals(server)[0]).toContain('ACCORD_PUBLIC_URL')
  })

  it('refuses a WebSocket upgrade to /sync for a rebound name', async () => {
    const server = await servers.start()
    const roomId = await createRoom(server)
    expect(await upgradeStatus(server, roomId, `evil.example:${server.port}`)).toBe(421)
    expect(await upgradeStatus(server, roomId, `127.0.0.1:${server.port}`)).toBe(101)
    expect(await upgradeStatus(server, roomId, `localhost:${server.port}`)).toBe(101)
  })

  it('with ACCORD_PUBLIC_URL: that name is served, any other refused, health probes by address', async () => {
    const server = await servers.start({
      env: { ACCORD_PUBLIC_URL: 'https://accord.example.com' },
    })
    expect((await send(server, 'accord.example.com', '/api/time')).status).toBe(200)
    const other = await send(server, 'evil.example', '/api/time')
    expect(other.status).toBe(421)
    expect(JSON.parse(other.body)).toMatchObject({
      error: 'host_not_allowed',
      message: expect.stringContaining('accord.example.com only (ACCORD_PUBLIC_URL)') as unknown,
    })
    // A load balancer probing the instance by its address.
    expect((await send(server, '10.0.0.5:8787', '/healthz')).status).toBe(200)
    expect((await send(server, '10.0.0.5:8787', '/api/time')).status).toBe(421)
    const roomId = await createRoom(server)
    expect(await upgradeStatus(server, roomId, 'accord.example.com')).toBe(101)
    expect(await upgradeStatus(server, roomId, 'evil.example')).toBe(421)
  })

  it('behind a trusted proxy the forwarded host is checked; untrusted, it is ignored', async () => {
    const env = { ACCORD_PUBLIC_URL: 'https://accord.example.com' }
    const proxied = await servers.start({ env: { ...env, ACCORD_TRUST_PROXY: 'true' } })
    const from = (server: ServerProcess, forwardedHost: string) =>
      send(server, '10.0.0.5:8787', '/api/time', {
        headers: { 'x-forwarded-host': forwardedHost },
      })
    expect((await from(proxied, 'accord.example.com')).status).toBe(200)
    expect((await from(proxied, 'evil.example')).status).toBe(421)
    const direct = await servers.start({ env })
    expect((await from(direct, 'accord.example.com')).status).toBe(421)
  })

  it('without ACCORD_PUBLIC_URL, a server listening on all interfaces serves any name, as before', async () => {
    const server = await servers.start({ env: { HOST: '0.0.0.0' } })
    expect((await send(server, 'evil.example', '/api/time')).status).toBe(200)
    const roomId = await createRoom(server)
    expect(await upgradeStatus(server, roomId, 'evil.example')).toBe(101)
  })
})

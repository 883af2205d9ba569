import { afterEach, describe, expect, it } from 'vitest'
import { createLogger } from '../log.js'
import { type InProcessApp, inProcessApp } from '../testing/in-process-app.js'
import { LOGGED_HOSTS_AT_MOST } from './host-check.js'
import { type HostPolicy, hostPolicyFor } from './host-policy.js'

const publicUrl = { origin: 'https://accord.example.com', hostname: 'accord.example.com' }
const loopbackOnly = hostPolicyFor({ publicUrl: null, listenHost: '127.0.0.1' })
const withPublicUrl = hostPolicyFor({ publicUrl, listenHost: '127.0.0.1' })

let t: InProcessApp | undefined
afterEach(() => t?.database.close())

function served(hostPolicy: HostPolicy, options: { trustProxy?: boolean } = {}) {
  const lines: string[] = []
  t = inProcessApp(Date.now, {
    hostPolicy,
    ...options,
    logger: createLogger('debug', (line) => lines.push(line)),
  })
  const app = t.app
  const refusals = () =>
    lines
      .map((line) => JSON.parse(line) as { msg: string; host?: string; hint?: string })
      .filter((entry) => entry.msg.includes('refused'))
  return { app, refusals }
}

const html = { accept: 'text/html,application/xhtml+xml' }

describe('host check (DNS rebinding)', () => {
  it('a loopback-only server refuses another host, even with its own Origin', async () => {
    const { app } = served(loopbackOnly)
    const forged = await app.request('http://evil.example:8787/api/rooms', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://evil.example:8787' },
      body: '{"title":"Rebound"}',
    })
    expect(forged.status).toBe(421)
    const body = (await forged.json()) as { error: string; message: string }
    expect(body.error).toBe('host_not_allowed')
    expect(body.message).toContain('ACCORD_PUBLIC_URL')
    expect(body.message).toContain('ACCORD_TRUST_PROXY')
    expect((await app.request('http://evil.example:8787/api/decisions')).status).toBe(421)

    for (const host of ['127.0.0.1:8787', 'localhost:8787', '[::1]:8787']) {
      const own = await app.request(`http://${host}/api/rooms`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: `http://${host}` },
        body: '{"title":"Local"}',
      })
      expect(own.status, host).toBe(201)
    }
  })

  it('refuses a WebSocket upgrade for another host before it reaches /sync', async () => {
    const { app } = served(loopbackOnly)
    const upgrade = { upgrade: 'websocket', connection: 'Upgrade', 'sec-websocket-version': '13' }
    const refused = await app.request('http://evil.example/sync/room-1?token=x', {
      headers: upgrade,
    })
    expect(refused.status).toBe(421)
    expect(await refused.json()).toMatchObject({ error: 'host_not_allowed' })
    // The same request for the server's own name gets past the check (and, here in process
    // where no socket can be taken, to the "no WebSocket endpoint" answer).
    const own = await app.request('http://127.0.0.1/sync/room-1?token=x', { headers: upgrade })
    expect(own.status).toBe(404)
  })

  it('answers a browser with a page naming the setting, the API with JSON', async () => {
    const { app } = served(loopbackOnly)
    const page = await app.request('http://accord.example.com/b/room-1', { headers: html })
    expect(page.status).toBe(421)
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    const text = await page.text()
    expect(text).toContain('ACCORD_PUBLIC_URL=https://accord.example.com')
    expect(text).toContain('host_not_allowed')
    // Security headers as on every response.
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'")

    const api = await app.request('http://accord.example.com/api/time', { headers: html })
    expect(api.status).toBe(421)
    expect(api.headers.get('content-type')).toMatch(/^application\/json/)
  })

  it('never reflects a hostile host name as markup', async () => {
    const { app } = served(loopbackOnly, { trustProxy: true })
    const refused = await app.request('http://127.0.0.1/', {
      headers: { ...html, 'x-forwarded-host': 'a<b>c.example' },
    })
    expect(refused.status).toBe(421)
    const page = await refused.text()
    expect(page).toContain('a&lt;b&gt;c.example')
    expect(page).not.toContain('<b>')
  })

  it('with ACCORD_PUBLIC_URL: its host and loopback are served, others refused', async () => {
    const { app } = served(withPublicUrl)
    expect((await app.request('https://accord.example.com/api/time')).status).toBe(200)
    expect((await app.request('http://127.0.0.1:8787/api/time')).status).toBe(200)
    const other = await app.request('https://evil.example/api/time')
    expect(other.status).toBe(421)
    const { message } = (await other.json()) as { message: string }
    expect(message).toContain('accord.example.com only (ACCORD_PUBLIC_URL)')
  })

  it('reads X-Forwarded-Host only behind a trusted proxy', async () => {
    const forwarded = { 'x-forwarded-host': 'accord.example.com' }
    const direct = served(withPublicUrl)
    // Not trusted: the Host header counts, and a claimed forwarded host changes nothing.
    expect(
      (await direct.app.request('http://10.0.0.5/api/time', { headers: forwarded })).status,
    ).toBe(421)
    expect(
      (
        await direct.app.request('http://accord.example.com/api/time', {
          headers: { 'x-forwarded-host': 'evil.example' },
        })
      ).status,
    ).toBe(200)
    const proxied = served(withPublicUrl, { trustProxy: true })
    expect(
      (await proxied.app.request('http://10.0.0.5/api/time', { headers: forwarded })).status,
    ).toBe(200)
    expect(
      (
        await proxied.app.request('http://accord.example.com/api/time', {
          headers: { 'x-forwarded-host': 'evil.example' },
        })
      ).status,
    ).toBe(421)
  })

  it('health probes are answered for any host (orchestrators probe by address)', async () => {
    const { app } = served(withPublicUrl)
    for (const path of ['/healthz', '/readyz']) {
      expect((await app.request(`http://10.0.0.5:8787${path}`)).status, path).toBe(200)
    }
  })

  it('logs each refused host once, and a bounded number of hosts', async () => {
    const { app, refusals } = served(loopbackOnly)
    for (let i = 0; i < 3; i++) await app.request('http://evil.example/api/time')
    await app.request('http://other.example/')
    expect(refusals()).toEqual([
      expect.objectContaining({
        host: 'evil.example',
        hint: expect.stringContaining('ACCORD_PUBLIC_URL'),
      }),
      expect.objectContaining({ host: 'other.example' }),
    ])
    for (let i = 0; i < LOGGED_HOSTS_AT_MOST + 50; i++) {
      await app.request(`http://scan-${i}.example/api/time`)
    }
    expect(refusals()).toHaveLength(LOGGED_HOSTS_AT_MOST + 1)
    expect(refusals().at(-1)?.msg).toContain('no more of them are logged')
  })

  it('an instance without a policy (any host) serves every name, as before', async () => {
    const { app } = served({ kind: 'any' })
    expect((await app.request('http://evil.example/api/time')).status).toBe(200)
  })
})

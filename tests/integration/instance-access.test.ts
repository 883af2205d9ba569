/**
 * Instance access against the real built server started with `ACCORD_ACCESS_KEY`: creating
 * workshops and the cross-workshop records need the key (Bearer or the sign-in cookie); room links
 * still open their own room, and nothing else; keys never reach the logs.
 */
import { describe, expect, it } from 'vitest'
import { useSharedServer, usePerTestServers } from '../support/fixtures.js'
import { createRoom } from '../support/server-process.js'

const accessKey = 'integration-access-key-4f9c2a'
const wrongKey = 'wrong-key-that-must-never-be-logged'
const shared = useSharedServer({ env: { ACCORD_ACCESS_KEY: accessKey } })
const perTest = usePerTestServers()

const json = { 'content-type': 'application/json' }

interface Created {
  id: string
  tokens: { facilitator: string; participant: string; viewer: string }
}

function api(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${shared.server.url}${path}`, init)
}

function createWith(headers: Record<string, string>, body: object = { title: 'Keyed' }) {
  return api('/api/rooms', { method: 'POST', headers, body: JSON.stringify(body) })
}

async function signIn(key: string): Promise<Response> {
  return api('/api/session', { method: 'POST', headers: json, body: JSON.stringify({ key }) })
}

/** The `accord_session=…` pair of a sign-in response, to send back as a Cookie header. */
function sessionCookie(response: Response): string {
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('accord_session='))
  if (!cookie) throw new Error('no session cookie was set')
  return cookie.split(';')[0] ?? ''
}

describe('instance access (real server with ACCORD_ACCESS_KEY)', () => {
  it('says a key is required, and keeps templates, time and health open', async () => {
    expect(await (await api('/api/session')).json()).toEqual({ required: true, signedIn: false })
    for (const path of ['/api/templates', '/api/time', '/healthz', '/readyz']) {
      expect((await api(path)).status, path).toBe(200)
    }
  })

  it('creating a workshop without the key is 401 access_key_required', async () => {
    const refused = await createWith(json)
    expect(refused.status).toBe(401)
    expect(await refused.json()).toMatchObject({
      error: 'access_key_required',
      message: expect.any(String) as unknown,
    })
    expect((await createWith({ ...json, authorization: `Bearer ${wrongKey}` })).status).toBe(401)
  })

  it('with the key as a Bearer token, a workshop is created', async () => {
    const created = await createWith({ ...json, authorization: `Bearer ${accessKey}` })
    expect(created.status).toBe(201)
  })

  it('signing in sets a session cookie that creates workshops, from this site only', async () => {
    const response = await signIn(accessKey)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ required: true, signedIn: true })
    const setCookie = response.headers.get('set-cookie') ?? ''
    expect(setCookie).toMatch(/HttpOnly/)
    expect(setCookie).toMatch(/SameSite=Strict/)
    expect(setCookie).not.toContain(accessKey)
    const cookie = sessionCookie(response)

    expect(await (await api('/api/session', { headers: { cookie } })).json()).toEqual({
      required: true,
      signedIn: true,
    })
    expect((await createWith({ ...json, cookie })).status).toBe(201)
    expect((await createWith({ ...json, cookie, origin: shared.server.url })).status).toBe(201)

    const foreign = await createWith({ ...json, cookie, origin: 'https://evil.example' })
    expect(foreign.status).toBe(403)
    expect(await foreign.json()).toMatchObject({ error: 'bad_origin' })
    // What a cross-site form could send: not JSON.
    const form = await api('/api/rooms', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'title=Forged',
    })
    expect(form.status).toBe(415)
    const plain = await api('/api/rooms', {
      method: 'POST',
      headers: { cookie, 'content-type': 'text/plain' },
      body: '{"title":"Forged"}',
    })
    expect(plain.status).toBe(415)

    // A tampered cookie is no session.
    const forged = cookie.replace(
      /v2\.(.)/,
      (_, first: string) => `v2.${first === 'A' ? 'B' : 'A'}`,
    )
    expect((await createWith({ ...json, cookie: forged })).status).toBe(401)

    const out = await api('/api/session', { method: 'DELETE', headers: { cookie } })
    expect(out.status).toBe(200)
    expect(out.headers.get('set-cookie')).toMatch(/^accord_session=;.*Max-Age=0/)
  })

  it('a wrong key is 401 wrong_access_key and never appears in the logs', async () => {
    const wrong = await signIn(wrongKey)
    expect(wrong.status).toBe(401)
    expect(await wrong.json()).toMatchObject({ error: 'wrong_access_key' })
    expect(wrong.headers.get('set-cookie')).toBeNull()
    await expect.poll(() => shared.server.output.join('\n')).toContain('sign-in refused')
    const output = shared.server.output.join('\n')
    expect(output).not.toContain(wrongKey)
    expect(output).not.toContain(accessKey)
  })

  it('a room token opens its room and its sync, but not the decision log', async () => {
    const created = await createWith({ ...json, authorization: `Bearer ${accessKey}` })
    const room = (await created.json()) as Created
    const asRoom = (token: string) => ({ authorization: `Bearer ${token}` })

    expect(
      (await api(`/api/rooms/${room.id}`, { headers: asRoom(room.tokens.participant) })).status,
    ).toBe(200)
    const joined = await api(`/api/rooms/${room.id}/join`, {
      method: 'POST',
      headers: { ...json, ...asRoom(room.tokens.participant) },
      body: JSON.stringify({ name: 'Pat' }),
    })
    expect(joined.status).toBe(201)
    const member = ((await joined.json()) as { token: string }).token

    const client = shared.client(room.id, { token: member })
    await client.whenSynced()
    expect(client.closes).toEqual([])

    for (const token of [room.tokens.facilitator, member]) {
      for (const path of ['/api/decisions', '/api/action-items']) {
        const refused = await api(path, { headers: asRoom(token) })
        expect(refused.status, path).toBe(401)
        expect(await refused.json()).toMatchObject({ error: 'access_key_required' })
      }
    }
    const statusChange = await api('/api/decisions/DR-1/status', {
      method: 'POST',
      headers: { ...json, ...asRoom(room.tokens.facilitator) },
      body: JSON.stringify({ status: 'accepted' }),
    })
    expect(statusChange.status).toBe(401)

    const output = shared.server.output.join('\n')
    for (const secret of [...Object.values(room.tokens), member]) {
      expect(output).not.toContain(secret)
    }
  })

  it('the decision log and action items open with the key', async () => {
    const bearer = { authorization: `Bearer ${accessKey}` }
    const log = await api('/api/decisions', { headers: bearer })
    expect(log.status).toBe(200)
    expect(Array.isArray(await log.json())).toBe(true)
    expect((await api('/api/action-items', { headers: bearer })).status).toBe(200)
    const cookie = sessionCookie(await signIn(accessKey))
    expect((await api('/api/decisions', { headers: { cookie } })).status).toBe(200)
    expect((await api('/api/decisions/DR-999', { headers: { cookie } })).status).toBe(404)
  })

  it('a server without a key stays open', async () => {
    const open = await perTest.start()
    expect(await (await fetch(`${open.url}/api/session`)).json()).toEqual({
      required: false,
      signedIn: false,
    })
    await createRoom(open, 'Open board')
    expect((await fetch(`${open.url}/api/decisions`)).status).toBe(200)
    expect((await fetch(`${open.url}/api/action-items`)).status).toBe(200)
  })
})

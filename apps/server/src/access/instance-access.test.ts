import { type SessionRepository, SqliteSessionRepository } from '@accord/db'
import { describe, expect, it } from 'vitest'
import { type CreatedRoom, inProcessApp } from '../testing/in-process-app.js'
import { SIGN_IN_FAILURES_PER_MINUTE } from './instance-access.js'
import { SESSION_MAX_AGE_SECONDS } from './session-cookie.js'

const key = 'workshop-access-key-0123'
const json = { 'content-type': 'application/json' }
const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

function keyed(
  options: {
    trustProxy?: boolean
    accessKey?: string
    now?: () => number
    sessions?: SessionRepository
  } = {},
) {
  const { now = Date.now, ...rest } = options
  const harness = inProcessApp(now, { accessKey: key, ...rest })
  const request = (path: string, init: RequestInit = {}) =>
    harness.app.request(`http://accord.test${path}`, init)
  const create = (headers: Record<string, string>, body = '{"title":"Keyed"}') =>
    request('/api/rooms', { method: 'POST', headers, body })
  const signIn = (attempt: string, headers: Record<string, string> = {}) =>
    request('/api/session', {
      method: 'POST',
      headers: { ...json, ...headers },
      body: JSON.stringify({ key: attempt }),
    })
  /** The `name=value` part of the session cookie set by a sign-in. */
  const cookieOf = (response: Response) => response.headers.get('set-cookie')?.split(';')[0] ?? ''
  return { ...harness, request, create, signIn, cookieOf }
}

describe('instance access (in process)', () => {
  it('an open instance needs no key, and says so', async () => {
    const open = inProcessApp()
    await open.createRoom('Open')
    expect((await open.get('/api/decisions')).status).toBe(200)
    expect(await (await open.get('/api/session')).json()).toEqual({
      required: false,
      signedIn: false,
    })
    const signIn = await open.post('/api/session', JSON.stringify({ key }))
    expect(signIn.status).toBe(400)
  })

  it('creating a workshop needs the key: Bearer, the key header, or a session', async () => {
    const app = keyed()
    const refused = await app.create(json)
    expect(refused.status).toBe(401)
    expect(await refused.json()).toMatchObject({ error: 'access_key_required' })
    expect((await app.create({ ...json, ...bearer('not-the-key-at-all') })).status).toBe(401)
    expect((await app.create({ ...json, ...bearer(key) })).status).toBe(201)
    expect((await app.create({ ...json, 'x-accord-access-key': key })).status).toBe(201)

    const signedIn = await app.signIn(key)
    expect(signedIn.status).toBe(200)
    expect(await signedIn.json()).toEqual({ required: true, signedIn: true })
    const cookie = app.cookieOf(signedIn)
    expect(cookie).toMatch(/^accord_session=v2\./)
    expect(cookie).not.toContain(key)
    expect((await app.create({ ...json, cookie })).status).toBe(201)
    expect(await (await app.request('/api/session', { headers: { cookie } })).json()).toEqual({
      required: true,
      signedIn: true,
    })
  })

  it('sets an HttpOnly, SameSite=Strict cookie, Secure over https only', async () => {
    const plain = (await keyed().signIn(key)).headers.get('set-cookie') ?? ''
    expect(plain).toMatch(/HttpOnly/)
    expect(plain).toMatch(/SameSite=Strict/)
    expect(plain).toMatch(/Path=\//)
    expect(plain).toMatch(/Max-Age=2592000/)
    expect(plain).not.toMatch(/Secure/)
    const https = { 'x-forwarded-proto': 'https' }
    // The forwarded scheme counts only behind a proxy the operator trusts.
    expect((await keyed().signIn(key, https)).headers.get('set-cookie')).not.toMatch(/Secure/)
    expect(
      (await keyed({ trustProxy: true }).signIn(key, https)).headers.get('set-cookie'),
    ).toMatch(/; Secure/)
  })

  it('a cookie-authenticated change must be JSON from this site (CSRF)', async () => {
    const app = keyed()
    const cookie = app.cookieOf(await app.signIn(key))
    const foreign = await app.create({ ...json, cookie, origin: 'https://evil.example' })
    expect(foreign.status).toBe(403)
    expect(await foreign.json()).toMatchObject({ error: 'bad_origin' })
    expect((await app.create({ ...json, cookie, origin: 'http://accord.test' })).status).toBe(201)
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const form = await app.create({ 'content-type': type, cookie })
      expect(form.status).toBe(415)
      expect(await form.json()).toMatchObject({ error: 'unsupported_media_type' })
    }
    // Signing in is JSON only too.
    const formSignIn = await app.request('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `key=${key}`,
    })
    expect(formSignIn.status).toBe(415)
  })

  it('a wrong key is refused, and too many wrong keys are throttled', async () => {
    const app = keyed()
    const wrong = await app.signIn('guess-0')
    expect(wrong.status).toBe(401)
    expect(await wrong.json()).toMatchObject({ error: 'wrong_access_key' })
    expect(wrong.headers.get('set-cookie')).toBeNull()
    for (let i = 1; i < SIGN_IN_FAILURES_PER_MINUTE; i++) {
      expect((await app.signIn(`guess-${i}`)).status).toBe(401)
    }
    const throttled = await app.signIn(key)
    expect(throttled.status).toBe(429)
    expect(await throttled.json()).toMatchObject({ error: 'too_many_attempts' })
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0)
    // Bearer guesses are throttled alike, so they are no way around the limit.
    expect((await app.create({ ...json, ...bearer(key) })).status).toBe(429)
  })

  it('signing out clears the cookie and ends the session on the server', async () => {
    const app = keyed()
    const cookie = app.cookieOf(await app.signIn(key))
    const other = app.cookieOf(await app.signIn(key))
    const out = await app.request('/api/session', { method: 'DELETE', headers: { cookie } })
    expect(out.status).toBe(200)
    expect(await out.json()).toEqual({ required: true, signedIn: false })
    expect(out.headers.get('set-cookie')).toMatch(/^accord_session=;.*Max-Age=0/)

    // A copy of the cookie, kept from before the sign-out, opens nothing any more.
    const copied = await app.create({ ...json, cookie })
    expect(copied.status).toBe(401)
    expect(await copied.json()).toMatchObject({ error: 'access_key_required' })
    expect((await app.request('/api/decisions', { headers: { cookie } })).status).toBe(401)
    expect(await (await app.request('/api/session', { headers: { cookie } })).json()).toEqual({
      required: true,
      signedIn: false,
    })
    // Another browser's session is its own, and goes on.
    expect((await app.create({ ...json, cookie: other })).status).toBe(201)
  })

  it('a session ends after 30 days, whatever the browser keeps', async () => {
    let clock = Date.UTC(2026, 0, 1)
    const app = keyed({ now: () => clock })
    const cookie = app.cookieOf(await app.signIn(key))
    clock += SESSION_MAX_AGE_SECONDS * 1000 - 1000
    expect((await app.create({ ...json, cookie })).status).toBe(201)
    clock += 1000
    expect((await app.create({ ...json, cookie })).status).toBe(401)
  })

  it('a cookie made up by the client opens nothing', async () => {
    const app = keyed()
    const cookie = `accord_session=v2.${'A'.repeat(43)}`
    expect((await app.create({ ...json, cookie })).status).toBe(401)
  })

  it('a session opened with one key is refused by an instance with another', async () => {
    const before = keyed()
    const cookie = before.cookieOf(await before.signIn(key))
    // The same sessions table (the same database), the instance now run with a new key.
    const sessions = new SqliteSessionRepository(before.database.db)
    const after = keyed({ accessKey: 'the-new-access-key-5678', sessions })
    expect((await after.create({ ...json, cookie })).status).toBe(401)
    // The same key again finds it (a restart keeps sessions).
    const restarted = keyed({ sessions })
    expect((await restarted.create({ ...json, cookie })).status).toBe(201)
  })

  it('a room token opens its room and nothing else', async () => {
    const app = keyed()
    const room = (await (await app.create({ ...json, ...bearer(key) })).json()) as CreatedRoom
    expect((await app.get(`/api/rooms/${room.id}`, room.tokens.participant)).status).toBe(200)
    await app.join(room.id, room.tokens.participant, 'Pat')
    for (const path of ['/api/decisions', '/api/decisions/DR-1', '/api/action-items']) {
      const refused = await app.get(path, room.tokens.facilitator)
      expect(refused.status).toBe(401)
      expect(await refused.json()).toMatchObject({ error: 'access_key_required' })
    }
    const status = await app.post(
      '/api/decisions/DR-1/status',
      JSON.stringify({ status: 'accepted' }),
      room.tokens.facilitator,
    )
    expect(status.status).toBe(401)
    expect((await app.get('/api/decisions', key)).status).toBe(200)
    expect((await app.get('/api/action-items', key)).status).toBe(200)
  })

  it('templates, time and health stay open', async () => {
    const app = keyed()
    for (const path of ['/api/templates', '/api/time', '/healthz', '/readyz']) {
      expect((await app.request(path)).status).toBe(200)
    }
  })

  it('room commands from another site are refused too', async () => {
    const app = keyed()
    const room = (await (await app.create({ ...json, ...bearer(key) })).json()) as CreatedRoom
    const foreign = await app.request(`/api/rooms/${room.id}/join`, {
      method: 'POST',
      headers: { ...json, ...bearer(room.tokens.participant), origin: 'https://evil.example' },
      body: '{}',
    })
    expect(foreign.status).toBe(403)
  })
})

/**
 * Sign-in sessions end on the server, against the real built server: after signing out, a copy of
 * the cookie opens nothing; a restart with another `ACCORD_ACCESS_KEY` ends every session of the
 * old key (also if the old key comes back); and on PostgreSQL, signing out on one instance ends
 * the session on every other.
 */
import { type PostgresServer, startPostgres } from '@accord/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { usePerTestServers } from '../support/fixtures.js'
import type { ServerProcess } from '../support/server-process.js'

const key = 'integration-session-key-1a2b3c'
const newKey = 'integration-session-key-rotated-9z8y'
const json = { 'content-type': 'application/json' }

const servers = usePerTestServers()

let postgres: PostgresServer | undefined
beforeAll(async () => {
  postgres = await startPostgres()
})
afterAll(() => postgres?.stop())

async function signIn(server: ServerProcess, accessKey = key): Promise<string> {
  const response = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ key: accessKey }),
  })
  expect(response.status).toBe(200)
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('accord_session='))
  if (!cookie) throw new Error('no session cookie was set')
  return cookie.split(';')[0] ?? ''
}

/** What `cookie` may do on `server`: its session state, and whether it creates a workshop. */
async function powersOf(server: ServerProcess, cookie: string) {
  const session = (await (
    await fetch(`${server.url}/api/session`, { headers: { cookie } })
  ).json()) as { signedIn: boolean }
  const create = await fetch(`${server.url}/api/rooms`, {
    method: 'POST',
    headers: { ...json, cookie },
    body: JSON.stringify({ title: 'With a session' }),
  })
  const decisions = await fetch(`${server.url}/api/decisions`, { headers: { cookie } })
  return { signedIn: session.signedIn, create: create.status, decisions: decisions.status }
}

const live = { signedIn: true, create: 201, decisions: 200 }
const ended = { signedIn: false, create: 401, decisions: 401 }

function signOut(server: ServerProcess, cookie: string): Promise<Response> {
  return fetch(`${server.url}/api/session`, { method: 'DELETE', headers: { cookie } })
}

describe('revocable sessions (real server)', () => {
  it('signing out ends the session: a copied cookie stops working', async () => {
    const server = await servers.start({ env: { ACCORD_ACCESS_KEY: key } })
    const cookie = await signIn(server)
    const otherBrowser = await signIn(server)
    const copy = cookie
    expect(await powersOf(server, copy)).toEqual(live)

    const out = await signOut(server, cookie)
    expect(out.status).toBe(200)
    expect(await powersOf(server, copy)).toEqual(ended)
    expect(await powersOf(server, otherBrowser)).toEqual(live)
  })

  it('sessions survive a restart with the same key, and end with a new one for good', async () => {
    const first = await servers.start({ env: { ACCORD_ACCESS_KEY: key } })
    const cookie = await signIn(first)
    await first.stop()
    const same = await servers.start({
      dataDir: first.dataDir,
      env: { ACCORD_ACCESS_KEY: key },
    })
    expect(await powersOf(same, cookie)).toEqual(live)
    await same.stop()

    const rotated = await servers.start({
      dataDir: first.dataDir,
      env: { ACCORD_ACCESS_KEY: newKey },
    })
    expect(await powersOf(rotated, cookie)).toEqual(ended)
    expect(await powersOf(rotated, await signIn(rotated, newKey))).toEqual(live)
    await rotated.stop()

    // Back to the old key: its sessions were ended on the server, not merely refused.
    const back = await servers.start({ dataDir: first.dataDir, env: { ACCORD_ACCESS_KEY: key } })
    expect(await powersOf(back, cookie)).toEqual(ended)
    expect(rotated.output.join('\n')).toContain('sessions of a previous access key ended')
  })

  it('on PostgreSQL, signing out on one instance ends the session on the other', async () => {
    if (!postgres) throw new Error('PostgreSQL did not start')
    const DATABASE_URL = await postgres.createDatabase()
    const env = { ACCORD_ACCESS_KEY: key, DATABASE_URL }
    const one = await servers.start({ env })
    const two = await servers.start({ env })
    const cookie = await signIn(one)
    expect(await powersOf(two, cookie)).toEqual(live)
    expect((await signOut(two, cookie)).status).toBe(200)
    expect(await powersOf(one, cookie)).toEqual(ended)
    expect(await powersOf(two, cookie)).toEqual(ended)
  })
})

/**
 * Rate limits under scale-out (`REDIS_URL`): two built Accord processes on one PostgreSQL
 * database and one real Redis count wrong access keys, rooms created and sync connections per
 * address together — two instances allow what one does, not twice as much — and the connections
 * of an instance killed with `kill -9` stop counting within a few heartbeats.
 */
import { describe, expect, it } from 'vitest'
import { openRawSocket } from '../support/raw-socket.js'
import { useScaleOut } from '../support/scale-out.js'
import { createRoom } from '../support/server-process.js'
import { waitFor } from '../support/wait.js'

const scaleOut = useScaleOut()
/** Relay heartbeats (and so the connection counts' expiry) fast, for the kill -9 test. */
const twoInstances = (extraEnv: Record<string, string>) =>
  scaleOut.twoInstances({ ACCORD_RELAY_HEARTBEAT_MS: '200', ...extraEnv })

const json = { 'content-type': 'application/json' }

/** Opens a connection; true when it was admitted (it stays open), false when refused. */
async function admitted(wsUrl: string, roomId: string): Promise<boolean> {
  const socket = await openRawSocket(wsUrl, roomId)
  return Promise.race([socket.receivedAtLeast(1).then(() => true), socket.closed.then(() => false)])
}

describe('Rate limits under scale-out', () => {
  it('[sync:X10] connections per address are bounded across instances, and a killed one frees its share', async () => {
    const { a, b } = await twoInstances({ ACCORD_MAX_CONNECTIONS_PER_IP: '2' })
    const roomId = await createRoom(a, 'Bounded')
    const onA = await openRawSocket(a.wsUrl, roomId)
    const onB = await openRawSocket(b.wsUrl, roomId)
    await Promise.all([onA.receivedAtLeast(1), onB.receivedAtLeast(1)])
    for (const server of [a, b]) {
      const third = await openRawSocket(server.wsUrl, roomId)
      const outcome = await Promise.race([
        third.closed,
        third.receivedAtLeast(1).then(() => 'admitted'),
      ])
      expect(outcome).toEqual({
        code: 4503,
        reason: 'too many connections from your address',
      })
    }
    // A connection that closes gives its place back, to the other instance too.
    onB.ws.close()
    await onB.closed
    await waitFor(() => admitted(a.wsUrl, roomId), { what: 'the place freed on B, taken on A' })
    // Killed with its two connections: within a few heartbeats they count nowhere.
    await a.stop('SIGKILL')
    await waitFor(() => admitted(b.wsUrl, roomId), {
      what: 'the killed instance’s connections to stop counting',
      timeoutMs: 10_000,
    })
  })

  it('[sync:X10] workshops created per address per hour are counted across instances', async () => {
    const { a, b } = await twoInstances({
      ACCORD_ROOMS_PER_IP_PER_HOUR: '2',
      ACCORD_TRUST_PROXY: 'true',
    })
    const create = (server: { url: string }, forwardedFor: string) =>
      fetch(`${server.url}/api/rooms`, {
        method: 'POST',
        headers: { ...json, 'x-forwarded-for': forwardedFor },
        body: JSON.stringify({ title: 'Retro' }),
      })
    expect((await create(a, '203.0.113.7')).status).toBe(201)
    expect((await create(b, '203.0.113.7')).status).toBe(201)
    for (const server of [a, b]) {
      const refused = await create(server, '203.0.113.7')
      expect(refused.status).toBe(429)
      expect(await refused.json()).toMatchObject({ error: 'too_many_rooms' })
    }
    expect((await create(b, '198.51.100.2')).status).toBe(201)
  })

  it('[sync:X10] wrong access keys are counted across instances', async () => {
    const { a, b } = await twoInstances({ ACCORD_ACCESS_KEY: 'scale-out-access-key-7d1e' })
    const signIn = (server: { url: string }, key: string) =>
      fetch(`${server.url}/api/session`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ key }),
      })
    // Ten wrong keys allowed a minute per address: five on each instance use them all.
    for (let i = 0; i < 10; i++) {
      expect((await signIn(i % 2 === 0 ? a : b, `wrong-${i}`)).status).toBe(401)
    }
    for (const server of [a, b]) {
      const throttled = await signIn(server, 'wrong-again')
      expect(throttled.status).toBe(429)
      expect(await throttled.json()).toMatchObject({ error: 'too_many_attempts' })
    }
  })
})

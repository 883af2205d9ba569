/**
 * Every bound of README "Limits", on the real server with each bound set low: beyond it the
 * offending connection or request gets its documented refusal, and everyone else carries on.
 */
import { connect } from 'node:net'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { deleteEntry, entryOf, hasEntry, putEntry } from '../support/board-entries.js'
import { queryAwarenessFrame, SyncType, syncFrame } from '../support/frames.js'
import { usePerTestServers } from '../support/fixtures.js'
import { getHealth, refusalCount, storedDocument } from '../support/inspect.js'
import { openRawSocket } from '../support/raw-socket.js'
import { createRoom, type ServerProcess, tokensOf } from '../support/server-process.js'
import { waitFor } from '../support/wait.js'

const servers = usePerTestServers()

/** Two honest clients in a room: the ones a refusal must leave alone. */
async function honestPair(server: ServerProcess, roomId: string) {
  const [a, b] = [servers.client(server, roomId), servers.client(server, roomId)]
  await Promise.all([a.whenSynced(), b.whenSynced()])
  let round = 0
  return {
    a,
    b,
    /** A fresh edit by A reaches B, and neither was ever disconnected. */
    async stillSync(): Promise<void> {
      const key = `round-${++round}`
      putEntry(a.doc, key, round)
      await waitFor(() => entryOf(b.doc, key) === round, { what: 'honest clients to sync' })
      expect(a.closes).toEqual([])
      expect(b.closes).toEqual([])
    },
  }
}

describe('limits', () => {
  it('a connection faster than its message rate is closed with 4429; the room goes on', async () => {
    const server = await servers.start({
      env: { ACCORD_MESSAGES_PER_SECOND: '20', ACCORD_MESSAGE_BURST: '40' },
    })
    const roomId = await createRoom(server)
    const honest = await honestPair(server, roomId)
    const flooder = await openRawSocket(server.wsUrl, roomId)
    await flooder.receivedAtLeast(1)
    for (let i = 0; i < 200; i++) flooder.ws.send(queryAwarenessFrame())
    expect(await flooder.closed).toEqual({
      code: 4429,
      reason: 'too many messages: more than 20 per second',
    })
    await honest.stillSync()
    expect(await refusalCount(server, 'rate_limited')).toBe(1)
  })

  it('an update that would grow a document past its bound is refused; deletions still go', async () => {
    const server = await servers.start({ env: { ACCORD_MAX_DOCUMENT_BYTES: String(64 * 1024) } })
    const roomId = await createRoom(server)
    const honest = await honestPair(server, roomId)
    const writer = servers.client(server, roomId)
    await writer.whenSynced()
    putEntry(writer.doc, 'first', 'x'.repeat(20_000))
    await waitFor(() => hasEntry(honest.b.doc, 'first'), { what: 'the first item' })

    // Over the bound: refused, the writer told (y-websocket's permission-denied message). A
    // valid board record, well within a record's own bound: only the document's refuses it.
    const raw = await openRawSocket(server.wsUrl, roomId)
    await raw.receivedAtLeast(1)
    const big = new Y.Doc()
    putEntry(big, 'second', 'y'.repeat(60_000))
    raw.ws.send(syncFrame(SyncType.Update, Y.encodeStateAsUpdate(big)))
    await waitFor(() => raw.received.some((frame) => frame[0] === 2), { what: 'the refusal' })
    const refusal = new TextDecoder().decode(raw.received.find((frame) => frame[0] === 2))
    expect(refusal).toContain('the board is full')
    expect(await refusalCount(server, 'document_too_large')).toBe(1)

    // Deleting is always allowed, and the room still takes small edits.
    deleteEntry(writer.doc, 'first')
    await waitFor(() => !hasEntry(honest.b.doc, 'first'), { what: 'the deletion' })
    await honest.stillSync()
    await server.stop()
    expect(JSON.stringify(storedDocument(server.dbPath, roomId).toJSON())).not.toContain('yyyy')
  })

  it('connections beyond the bound per room are refused with 4503 until one leaves', async () => {
    const server = await servers.start({ env: { ACCORD_MAX_CONNECTIONS_PER_ROOM: '3' } })
    const roomId = await createRoom(server)
    const honest = await honestPair(server, roomId)
    const third = await openRawSocket(server.wsUrl, roomId)
    const fourth = await openRawSocket(server.wsUrl, roomId)
    expect(await fourth.closed).toEqual({
      code: 4503,
      reason: 'this room has as many connections as the server allows',
    })
    // Another room is not affected by this one being full.
    const otherRoom = await createRoom(server)
    const elsewhere = await openRawSocket(server.wsUrl, otherRoom)
    await elsewhere.receivedAtLeast(1)
    third.ws.close()
    await third.closed
    await waitFor(async () => {
      const retry = await openRawSocket(server.wsUrl, roomId)
      return retry.ws.readyState === retry.ws.OPEN && (await retry.receivedAtLeast(1), true)
    })
    await honest.stillSync()
    expect(await refusalCount(server, 'too_many_connections')).toBeGreaterThanOrEqual(1)
    elsewhere.ws.close()
  })

  it('connections beyond the bound per address are refused with 4503, across rooms', async () => {
    const server = await servers.start({ env: { ACCORD_MAX_CONNECTIONS_PER_IP: '2' } })
    const [first, second] = [await createRoom(server), await createRoom(server)]
    const one = await openRawSocket(server.wsUrl, first)
    const two = await openRawSocket(server.wsUrl, second)
    await Promise.all([one.receivedAtLeast(1), two.receivedAtLeast(1)])
    const three = await openRawSocket(server.wsUrl, second, { token: tokensOf(second).viewer })
    expect(await three.closed).toEqual({
      code: 4503,
      reason: 'too many connections from your address',
    })
    one.ws.close()
    two.ws.close()
  })

  it('workshops created per address per hour are bounded: 429 with Retry-After', async () => {
    const server = await servers.start({
      env: { ACCORD_ROOMS_PER_IP_PER_HOUR: '2', ACCORD_TRUST_PROXY: 'true' },
    })
    const create = (forwardedFor: string, title = 'Retro') =>
      fetch(`${server.url}/api/rooms`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
        body: JSON.stringify({ title }),
      })
    expect((await create('203.0.113.7')).status).toBe(201)
    // A refused request (a title far too long) does not count.
    expect((await create('203.0.113.7', 'x'.repeat(10_000))).status).toBe(400)
    expect((await create('203.0.113.7')).status).toBe(201)
    const refused = await create('203.0.113.7')
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await refused.json()).toEqual({
      error: 'too_many_rooms',
      message: expect.stringContaining('at most 2 workshops per hour') as unknown,
    })
    // Another address is not affected.
    expect((await create('198.51.100.2')).status).toBe(201)
  })

  it('HTTP bodies beyond ACCORD_MAX_BODY_BYTES get 413 JSON', async () => {
    const server = await servers.start({ env: { ACCORD_MAX_BODY_BYTES: '2048' } })
    const response = await fetch(`${server.url}/api/rooms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 't'.repeat(4096) }),
    })
    expect(response.status).toBe(413)
    expect(await response.json()).toMatchObject({ error: 'body_too_large' })
  })

  it('a connection that does not finish its request (and so its token) in time gets 408', async () => {
    const server = await servers.start({ env: { ACCORD_AUTH_TIMEOUT_MS: '300' } })
    const roomId = await createRoom(server)
    const honest = await honestPair(server, roomId)
    const answers = await Promise.all(
      ['', `GET /sync/${roomId}?token=${tokensOf(roomId).participant} HTTP/1.1\r\nHost: x\r\n`].map(
        (partialRequest) =>
          new Promise<string>((resolve) => {
            let answer = ''
            const socket = connect(server.port, '127.0.0.1', () => socket.write(partialRequest))
            socket.on('data', (chunk: Buffer) => (answer += chunk.toString()))
            socket.on('close', () => resolve(answer))
            socket.on('error', () => {})
          }),
      ),
    )
    for (const answer of answers) expect(answer).toMatch(/^HTTP\/1\.1 408/)
    await honest.stillSync()
    expect((await getHealth(server)).ok).toBe(true)
  })
})

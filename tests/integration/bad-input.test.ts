import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { entryOf, entryId, hasEntry, putEntry } from '../support/board-entries.js'
import { boardRecords } from '../support/board-records.js'
import { awarenessFrame, SyncType, syncFrame } from '../support/frames.js'
import { getHealth } from '../support/inspect.js'
import { openRawSocket } from '../support/raw-socket.js'
import { createRoom, type ServerProcess, startServer } from '../support/server-process.js'
import { connectClient, type TestClient } from '../support/yjs-client.js'
import { waitFor } from '../support/wait.js'

const MAX_MESSAGE_BYTES = 64 * 1024

let server: ServerProcess
let roomId: string
let a: TestClient
let b: TestClient
/** Set if any honest client ever sees content that only a hostile frame carried. */
let evilSeen = false
let round = 0

beforeAll(async () => {
  server = await startServer({ env: { ACCORD_MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES) } })
  roomId = await createRoom(server)
  // Two honest stock clients stay in the room for the whole file.
  ;[a, b] = [connectClient(server.wsUrl, roomId), connectClient(server.wsUrl, roomId)]
  await Promise.all([a.whenSynced(), b.whenSynced()])
  boardRecords(b.doc).observe((event) => {
    if (event.keysChanged.has(entryId('evil'))) evilSeen = true
  })
  a.provider.awareness.setLocalStateField('user', { name: 'A' })
  await waitFor(() => b.provider.awareness.getStates().has(a.doc.clientID))
})
afterAll(async () => {
  a.destroy()
  b.destroy()
  await server.stop()
})

/**
 * An update that a hostile peer would like the room to store: a valid board record (the entry
 * 'evil'), which the write policy would let through, so that only the frame's damage stops it.
 */
function evilUpdate(value: unknown = 'pwned'): Uint8Array {
  const doc = new Y.Doc()
  putEntry(doc, 'evil', value)
  return Y.encodeStateAsUpdate(doc)
}

/** Sends one frame on a fresh raw connection to the room and resolves with how it was closed. */
async function sendHostile(frame: Uint8Array | string) {
  const raw = await openRawSocket(server.wsUrl, roomId)
  await raw.receivedAtLeast(1) // joined: the server's sync step 1 arrived
  raw.ws.send(frame)
  return raw.closed
}

/** P2: the hostile connection was closed alone; the honest ones still sync, nothing leaked. */
async function expectRoomUnharmed(): Promise<void> {
  const key = `honest-${++round}`
  putEntry(a.doc, key, round)
  await waitFor(() => entryOf(b.doc, key) === round, { what: 'honest clients to sync' })
  expect(a.closes).toEqual([])
  expect(b.closes).toEqual([])
  // Awareness too: B knows of no client but the two honest ones.
  expect([...b.provider.awareness.getStates().keys()].sort()).toEqual(
    [a.doc.clientID, b.doc.clientID].sort(),
  )
  expect(server.child.exitCode).toBeNull()
  expect((await getHealth(server)).ok).toBe(true)
  // A late joiner sees exactly what the room stored: no trace of the hostile frame.
  const late = connectClient(server.wsUrl, roomId)
  await late.whenSynced()
  late.destroy()
  expect(hasEntry(late.doc, 'evil')).toBe(false)
  expect(evilSeen).toBe(false)
  // Every refused connection was counted out again: only A and B remain.
  await waitFor(async () => (await getHealth(server)).connections === 2, {
    what: 'refused connections to be counted out',
  })
}

const truncatedUpdate = evilUpdate().slice(0, -1) // drops the delete set at the end
const notJson = new TextEncoder().encode('definitely not a Yjs update')

describe('hostile input on the sync endpoint', () => {
  it.each([
    ['a truncated sync message', new Uint8Array([0, 2, 3, 1, 2])],
    ['an unknown message type', new Uint8Array([9])],
    ['an unknown sync message type', new Uint8Array([0, 7, 0])],
    ['an empty frame', new Uint8Array([])],
    [
      'a valid update followed by trailing bytes',
      new Uint8Array([...syncFrame(SyncType.Update, evilUpdate()), 0]),
    ],
    ['a state vector that is not one', syncFrame(SyncType.Step1, new Uint8Array([5]))],
    ['a sync step 2 with garbage', syncFrame(SyncType.Step2, notJson)],
    [
      'an awareness state that is not JSON',
      awarenessFrame([{ clientId: 7, clock: 1, stateJson: '{nope' }]),
    ],
  ])('[sync:P2] %s closes that connection with 4400 and a reason', async (_name, frame) => {
    const closed = await sendHostile(frame)
    expect(closed.code).toBe(4400)
    expect(closed.reason).not.toBe('')
    await expectRoomUnharmed()
  })

  it('[sync:P2] a text frame closes the connection with 4400', async () => {
    const closed = await sendHostile(JSON.stringify({ type: 'update', data: 'hello' }))
    expect(closed.code).toBe(4400)
    expect(closed.reason).not.toBe('')
    await expectRoomUnharmed()
  })

  it('[sync:P2] a well-framed sync update carrying an invalid Yjs update gets 4400', async () => {
    for (const payload of [notJson, truncatedUpdate]) {
      const closed = await sendHostile(syncFrame(SyncType.Update, payload))
      expect(closed.code).toBe(4400)
      expect(closed.reason).not.toBe('')
      await expectRoomUnharmed()
    }
  })

  it('[sync:P2] a frame over ACCORD_MAX_MESSAGE_BYTES is refused with 1009', async () => {
    // Well-formed apart from its size, so only the limit can refuse it.
    const frame = syncFrame(SyncType.Update, evilUpdate('x'.repeat(100 * 1024)))
    expect(frame.byteLength).toBeGreaterThan(MAX_MESSAGE_BYTES)
    const closed = await sendHostile(frame)
    expect(closed.code).toBe(1009)
    await expectRoomUnharmed()
  })

  it('[sync:P3] connecting to a room that does not exist closes with 4404 and creates nothing', async () => {
    const unknownId = 'NoSuchRoomXXXXXXXXXXXX'
    for (const id of [unknownId, 'not%20a%20valid%20id']) {
      const raw = await openRawSocket(server.wsUrl, id)
      expect((await raw.closed).code).toBe(4404)
    }
    // The stock client is told the same, and gives up rather than retrying forever.
    const stock = connectClient(server.wsUrl, unknownId, { token: 'any-token' })
    await waitFor(() => stock.closes.length > 0, { what: 'the stock client to be refused' })
    expect(stock.closes[0]?.code).toBe(4404)
    expect(stock.provider.shouldConnect).toBe(false)
    stock.destroy()

    const response = await fetch(`${server.url}/api/rooms/${unknownId}`)
    expect(response.status).toBe(404)
    expect((await getHealth(server)).loadedRooms).toBe(1) // only the honest clients' room
    await expectRoomUnharmed()
  })
})

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { entryOf, numberedEntries, putEntry } from '../support/board-entries.js'
import { getHealth, readDatabase } from '../support/inspect.js'
import { createRoom, type ServerProcess, startServer } from '../support/server-process.js'
import { connectClient, type TestClient } from '../support/yjs-client.js'
import { waitFor } from '../support/wait.js'

let server: ServerProcess
const clients: TestClient[] = []

beforeAll(async () => {
  // Unload as soon as a room is idle, so tests can watch it happen.
  server = await startServer({ env: { ACCORD_ROOM_IDLE_MS: '0' } })
})
afterAll(async () => {
  await server.stop()
})
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  await waitFor(async () => (await getHealth(server)).loadedRooms === 0, {
    what: 'every room to unload between tests',
  })
})

/** The values of the notes `item-0`, `item-1`, … in order: what the tests write one by one. */
const items = (doc: Y.Doc) => numberedEntries(doc, 'item-')

function client(roomId: string): TestClient {
  const c = connectClient(server.wsUrl, roomId)
  clients.push(c)
  return c
}

function storedRows(roomId: string): { updates: number; snapshots: Uint8Array[] } {
  return readDatabase(server.dbPath, (db) => ({
    updates: (
      db.prepare('SELECT count(*) AS n FROM document_updates WHERE room_id = ?').get(roomId) as {
        n: number
      }
    ).n,
    snapshots: (
      db.prepare('SELECT data FROM document_snapshots WHERE room_id = ?').all(roomId) as {
        data: Buffer
      }[]
    ).map((row) => new Uint8Array(row.data)),
  }))
}

describe('room unloading', () => {
  it('[sync:S7][sync:S6] a room unloads when its last client leaves, compacted, and reloads in full', async () => {
    const roomId = await createRoom(server)
    const [a, b] = [client(roomId), client(roomId)]
    await Promise.all([a.whenSynced(), b.whenSynced()])
    for (let i = 0; i < 50; i++) putEntry(a.doc, `item-${i}`, i)
    putEntry(a.doc, 't', 'hello')
    await waitFor(() => items(b.doc).length === 50 && entryOf(b.doc, 't') === 'hello')
    expect(await getHealth(server)).toMatchObject({ loadedRooms: 1, connections: 2 })
    // Far below the compaction thresholds: so far the edits sit in the update log.
    expect(storedRows(roomId).updates).toBeGreaterThan(0)

    // One client leaving is not the last one leaving: the room stays, B keeps its connection.
    a.destroy()
    await waitFor(async () => (await getHealth(server)).connections === 1)
    expect((await getHealth(server)).loadedRooms).toBe(1)
    expect(b.closes).toEqual([])
    b.destroy()
    await waitFor(async () => (await getHealth(server)).loadedRooms === 0, { what: 'unload' })

    // Unloading folded the log into exactly one snapshot holding the whole document.
    const { updates, snapshots } = storedRows(roomId)
    expect(updates).toBe(0)
    expect(snapshots).toHaveLength(1)
    const fromSnapshot = new Y.Doc()
    Y.applyUpdate(fromSnapshot, snapshots[0]!)
    expect(items(fromSnapshot)).toEqual([...Array(50).keys()])
    expect(entryOf(fromSnapshot, 't')).toBe('hello')

    const late = client(roomId)
    await late.whenSynced()
    expect(items(late.doc)).toEqual([...Array(50).keys()])
    expect(entryOf(late.doc, 't')).toBe('hello')
    expect((await getHealth(server)).loadedRooms).toBe(1)
  })

  it('[sync:S7] a client arriving at any point around an unload gets the whole document', async () => {
    const roomId = await createRoom(server)
    // When the next client connects after the previous one left: before the server noticed the
    // departure, just after (the unload is due or under way), or once the room is gone.
    const arrivals = [
      async () => {},
      () => waitFor(async () => (await getHealth(server)).connections === 0),
      () => waitFor(async () => (await getHealth(server)).loadedRooms === 0),
    ]
    for (let i = 0; i < 24; i++) {
      const c = client(roomId)
      await c.whenSynced()
      expect(items(c.doc)).toEqual([...Array(i).keys()])
      putEntry(c.doc, `item-${i}`, i)
      c.destroy()
      await arrivals[i % arrivals.length]!()
    }
    const last = client(roomId)
    await last.whenSynced()
    expect(items(last.doc)).toEqual([...Array(24).keys()])
  })
})

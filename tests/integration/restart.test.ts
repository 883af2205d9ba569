import { describe, expect, it } from 'vitest'
import {
  entriesOf,
  entryOf,
  hasEntry,
  numberedEntries,
  putEntry,
} from '../support/board-entries.js'
import { boardRecords } from '../support/board-records.js'
import { createRoom, tokensOf } from '../support/server-process.js'
import { usePerTestServers } from '../support/fixtures.js'
import { waitFor } from '../support/wait.js'

const { start, client } = usePerTestServers()

describe('server restarts', () => {
  it('[sync:S1][sync:S7] after a graceful stop (SIGTERM) a restarted server still has every write', async () => {
    const first = await start()
    const roomId = await createRoom(first, 'Kept board')
    const [a, b] = [client(first, roomId), client(first, roomId)]
    await Promise.all([a.whenSynced(), b.whenSynced()])
    putEntry(a.doc, 'notes', 'kept across restarts')
    for (let i = 0; i < 20; i++) putEntry(a.doc, `item-${i}`, i)
    await waitFor(() => numberedEntries(b.doc, 'item-').length === 20, {
      what: 'B to see the writes',
    })

    expect(await first.stop('SIGTERM')).toBe(0)
    // Connected clients are told the server is going away (1001), not just dropped.
    await waitFor(() => a.closes.length > 0 && b.closes.length > 0, { what: 'close events' })
    expect(a.closes[0]?.code).toBe(1001)
    expect(b.closes[0]?.code).toBe(1001)
    // Destroyed before the restart, so only storage can hand the state to the fresh client.
    a.destroy()
    b.destroy()

    const second = await start({ dataDir: first.dataDir, port: first.port })
    const room = await fetch(`${second.url}/api/rooms/${roomId}`, {
      headers: { authorization: `Bearer ${tokensOf(roomId).viewer}` },
    })
    expect(room.status).toBe(200)
    expect(await room.json()).toMatchObject({ id: roomId, title: 'Kept board' })

    const fresh = client(second, roomId)
    await fresh.whenSynced()
    expect(entryOf(fresh.doc, 'notes')).toBe('kept across restarts')
    expect(numberedEntries(fresh.doc, 'item-')).toEqual([...Array(20).keys()])
  })

  it('[sync:P1] clients reconnect to a restarted server and merge the edits they made offline', async () => {
    const first = await start()
    const roomId = await createRoom(first)
    const [a, b] = [client(first, roomId), client(first, roomId)]
    await Promise.all([a.whenSynced(), b.whenSynced()])
    putEntry(a.doc, 'before', 'a')
    await waitFor(() => entryOf(b.doc, 'before') === 'a', { what: 'B to see A' })

    expect(await first.stop('SIGTERM')).toBe(0)
    await waitFor(() => !a.provider.wsconnected && !b.provider.wsconnected, {
      what: 'clients to notice the server is gone',
    })
    // Offline edits, including concurrent ones to the same record.
    putEntry(a.doc, 'offline-a', 1)
    putEntry(b.doc, 'offline-b', 2)
    putEntry(a.doc, 'both', 'A')
    putEntry(b.doc, 'both', 'B')
    // Nothing else (no BroadcastChannel, no server) could have carried them across yet.
    expect(hasEntry(b.doc, 'offline-a')).toBe(false)
    expect(hasEntry(a.doc, 'offline-b')).toBe(false)

    // Same port: the providers' own reconnect loop finds the new server.
    const second = await start({ dataDir: first.dataDir, port: first.port })
    const merged = () => [a, b].every((c) => c.provider.synced && hasEntry(c.doc, 'offline-a'))
    await waitFor(() => merged() && hasEntry(a.doc, 'offline-b') && hasEntry(b.doc, 'offline-b'), {
      what: 'offline edits to merge',
    })
    // The concurrent edits of one record settle on the same one of them everywhere.
    await waitFor(() => entryOf(a.doc, 'both') === entryOf(b.doc, 'both'), {
      what: 'concurrent edits of one record to converge',
    })
    const expected = { before: 'a', 'offline-a': 1, 'offline-b': 2, both: entryOf(a.doc, 'both') }
    expect(['A', 'B']).toContain(expected.both)
    expect(entriesOf(a.doc)).toEqual(expected)
    expect(entriesOf(b.doc)).toEqual(expected)

    // Live syncing goes on over the new connections.
    putEntry(b.doc, 'after', 'b')
    await waitFor(() => entryOf(a.doc, 'after') === 'b', { what: 'A to see a live edit' })

    // And the restarted server has everything, for someone who never saw any of it.
    const fresh = client(second, roomId)
    await fresh.whenSynced()
    expect(entriesOf(fresh.doc)).toEqual({ ...expected, after: 'b' })
    expect(boardRecords(fresh.doc).toJSON()).toEqual(boardRecords(a.doc).toJSON())
  })
})

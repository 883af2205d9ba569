import { describe, expect, it } from 'vitest'
import { createRoom, tokensOf } from '../support/server-process.js'
import { usePerTestServers } from '../support/fixtures.js'
import { waitFor } from '../support/wait.js'

const { start, client } = usePerTestServers()

describe('server restarts', () => {
  it('[S1][S7] after a graceful stop (SIGTERM) a restarted server still has every write', async () => {
    const first = await start()
    const roomId = await createRoom(first, 'Kept board')
    const [a, b] = [client(first, roomId), client(first, roomId)]
    await Promise.all([a.whenSynced(), b.whenSynced()])
    a.doc.getText('notes').insert(0, 'kept across restarts')
    for (let i = 0; i < 20; i++) a.doc.getArray<number>('items').push([i])
    await waitFor(() => b.doc.getArray('items').length === 20, { what: 'B to see the writes' })

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
    expect(fresh.doc.getText('notes').toString()).toBe('kept across restarts')
    expect(fresh.doc.getArray('items').toArray()).toEqual([...Array(20).keys()])
  })

  it('[P1] clients reconnect to a restarted server and merge the edits they made offline', async () => {
    const first = await start()
    const roomId = await createRoom(first)
    const [a, b] = [client(first, roomId), client(first, roomId)]
    await Promise.all([a.whenSynced(), b.whenSynced()])
    a.doc.getMap('m').set('before', 'a')
    await waitFor(() => b.doc.getMap('m').get('before') === 'a', { what: 'B to see A' })

    expect(await first.stop('SIGTERM')).toBe(0)
    await waitFor(() => !a.provider.wsconnected && !b.provider.wsconnected, {
      what: 'clients to notice the server is gone',
    })
    // Offline edits, including concurrent ones to the same text.
    a.doc.getMap('m').set('offline-a', 1)
    b.doc.getMap('m').set('offline-b', 2)
    a.doc.getText('t').insert(0, 'A')
    b.doc.getText('t').insert(0, 'B')
    // Nothing else (no BroadcastChannel, no server) could have carried them across yet.
    expect(b.doc.getMap('m').has('offline-a')).toBe(false)
    expect(a.doc.getMap('m').has('offline-b')).toBe(false)

    // Same port: the providers' own reconnect loop finds the new server.
    const second = await start({ dataDir: first.dataDir, port: first.port })
    const expected = { before: 'a', 'offline-a': 1, 'offline-b': 2 }
    await waitFor(() => [a, b].every((c) => c.provider.synced && c.doc.getMap('m').size === 3), {
      what: 'offline edits to merge',
    })
    await waitFor(() => a.doc.getText('t').length === 2 && b.doc.getText('t').length === 2, {
      what: 'concurrent text edits to merge',
    })
    expect(a.doc.getMap('m').toJSON()).toEqual(expected)
    expect(b.doc.getMap('m').toJSON()).toEqual(expected)
    expect(a.doc.getText('t').toString()).toBe(b.doc.getText('t').toString())

    // Live syncing goes on over the new connections.
    b.doc.getMap('m').set('after', 'b')
    await waitFor(() => a.doc.getMap('m').get('after') === 'b', { what: 'A to see a live edit' })

    // And the restarted server has everything, for someone who never saw any of it.
    const fresh = client(second, roomId)
    await fresh.whenSynced()
    expect(fresh.doc.getMap('m').toJSON()).toEqual({ ...expected, after: 'b' })
    expect(fresh.doc.getText('t').toString()).toBe(a.doc.getText('t').toString())
  })
})

import { describe, expect, it } from 'vitest'
import { hasEntry, numberedEntries, putEntry } from '../support/board-entries.js'
import { integrityOf } from '../support/inspect.js'
import { createRoom, type ServerProcess } from '../support/server-process.js'
import { usePerTestServers } from '../support/fixtures.js'
import { type TestClient } from '../support/yjs-client.js'
import { waitFor } from '../support/wait.js'

const servers = usePerTestServers()

function start(synchronous: string, dataDir?: string): Promise<ServerProcess> {
  const env = { ACCORD_SQLITE_SYNCHRONOUS: synchronous }
  return servers.start(dataDir === undefined ? { env } : { env, dataDir })
}

const client = (server: ServerProcess, roomId: string, connect = true): TestClient =>
  servers.client(server, roomId, { connect })

/** Read-only: the check must not recover or checkpoint the file the next server will open. */
function expectIntact(dbPath: string): void {
  expect(integrityOf(dbPath)).toBe('ok')
}

const EDITS_PER_ROUND = 200
const ROUNDS = 3

describe('crash durability (kill -9)', () => {
  // NORMAL skips the fsync per commit: that risks a power loss, but never a process crash.
  it.each(['FULL', 'NORMAL'])(
    '[sync:S1] every write another peer has seen survives kill -9, round after round (synchronous=%s)',
    async (synchronous) => {
      let server = await start(synchronous)
      const roomId = await createRoom(server)
      const dataDir = server.dataDir

      for (let round = 0; round < ROUNDS; round++) {
        const [a, b] = [client(server, roomId), client(server, roomId)]
        await Promise.all([a.whenSynced(), b.whenSynced()])
        // One new note per edit, `item-<n>`: their values read back as a list.
        const items = (doc: typeof b.doc) => numberedEntries(doc, 'item-')
        const expected = (round + 1) * EDITS_PER_ROUND
        expect(items(b.doc)).toHaveLength(round * EDITS_PER_ROUND)

        // Kill the server the moment B has seen the last write (edits arrive in order):
        // synchronously, inside B's own observer, so the server gets no grace period at all
        // after relaying it.
        const victim = server
        const killed = new Promise<void>((resolve) => {
          b.doc.on('update', () => {
            if (hasEntry(b.doc, `item-${expected - 1}`) && victim.child.kill('SIGKILL')) resolve()
          })
        })
        // Small edits, one transaction each, with a yield now and then so that they reach the
        // server in many frames and many event-loop turns (many separate storage writes).
        for (let i = round * EDITS_PER_ROUND; i < expected; i++) {
          putEntry(a.doc, `item-${i}`, i)
          if (i % 7 === 0) await new Promise((resolve) => setImmediate(resolve))
        }
        await killed
        expect(await victim.stop('SIGKILL')).toBe('SIGKILL')
        // The writers go away with the server, so only storage can bring the edits back.
        a.destroy()
        b.destroy()
        expectIntact(victim.dbPath)

        server = await start(synchronous, dataDir)
        const fresh = client(server, roomId)
        await fresh.whenSynced()
        expect(items(fresh.doc)).toEqual([...Array(expected).keys()])
        fresh.destroy()
      }

      expect(await server.stop('SIGTERM')).toBe(0)
      expectIntact(server.dbPath)
    },
  )

  it('[sync:S3] whatever a joiner received in its sync step 2 survives kill -9', async () => {
    let server = await start('FULL')
    const roomId = await createRoom(server)
    const writer = client(server, roomId)
    await writer.whenSynced()
    // The writer keeps writing, one small edit at a time, while the joiner arrives.
    let writing = true
    const writes = (async () => {
      for (let i = 0; writing; i++) {
        putEntry(writer.doc, `item-${i}`, i)
        await new Promise((resolve) => setTimeout(resolve, 1))
      }
    })()
    await waitFor(() => numberedEntries(writer.doc, 'item-').length >= 50)

    // Killed inside the joiner's 'sync' event: the moment its sync step 2 has been applied.
    const victim = server
    const joiner = client(server, roomId, false)
    const killed = new Promise<void>((resolve) =>
      joiner.provider.on('sync', (synced) => {
        if (synced && victim.child.kill('SIGKILL')) resolve()
      }),
    )
    joiner.provider.connect()
    await killed
    expect(await victim.stop('SIGKILL')).toBe('SIGKILL')
    writing = false
    await writes
    writer.destroy()
    joiner.destroy()
    const received = numberedEntries(joiner.doc, 'item-')
    expect(received.length).toBeGreaterThan(0)

    server = await start('FULL', victim.dataDir)
    const fresh = client(server, roomId)
    await fresh.whenSynced()
    const stored = numberedEntries(fresh.doc, 'item-')
    // Edits arrive in order, so both are prefixes of the writer's sequence: stored ⊇ received.
    expect(stored.length).toBeGreaterThanOrEqual(received.length)
    expect(stored).toEqual([...Array(stored.length).keys()])
  })
})

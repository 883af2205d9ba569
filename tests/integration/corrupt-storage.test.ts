import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { entryOf, numberedEntries, putEntry } from '../support/board-entries.js'
import { createRoom } from '../support/server-process.js'
import { usePerTestServers } from '../support/fixtures.js'
import { waitFor } from '../support/wait.js'

const { start: startFresh, client } = usePerTestServers()
const start = (dataDir?: string) => startFresh(dataDir === undefined ? {} : { dataDir })

describe('damaged storage', () => {
  it('[sync:S8] a stored update that fails to load is skipped and logged; the rest of the room loads', async () => {
    const first = await start()
    const roomId = await createRoom(first)
    const [a, b] = [client(first, roomId), client(first, roomId)]
    await Promise.all([a.whenSynced(), b.whenSynced()])
    for (let i = 0; i < 10; i++) putEntry(a.doc, `item-${i}`, i)
    await waitFor(() => numberedEntries(b.doc, 'item-').length === 10, {
      what: 'B to see the writes',
    })
    a.destroy()
    b.destroy()
    expect(await first.stop('SIGTERM')).toBe(0)

    // Damage the log while the server is down: a garbage row, then a valid update after it.
    const later = new Y.Doc()
    putEntry(later, 'after-corruption', true)
    const db = new Database(first.dbPath, { fileMustExist: true })
    const insert = db.prepare('INSERT INTO document_updates (room_id, data) VALUES (?, ?)')
    insert.run(roomId, Buffer.from('this is not a Yjs update'))
    insert.run(roomId, Buffer.from(Y.encodeStateAsUpdate(later)))
    db.close()

    const second = await start(first.dataDir)
    const fresh = client(second, roomId)
    await fresh.whenSynced()
    expect(numberedEntries(fresh.doc, 'item-')).toEqual([...Array(10).keys()])
    expect(entryOf(fresh.doc, 'after-corruption')).toBe(true)
    expect(fresh.closes).toEqual([])
    expect(second.output.some((line) => line.includes('skipping corrupt stored update'))).toBe(true)
  })
})

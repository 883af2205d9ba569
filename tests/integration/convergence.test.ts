import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { entriesOf, entryOf, putEntry } from '../support/board-entries.js'
import { boardRecords } from '../support/board-records.js'
import { createRoom } from '../support/server-process.js'
import { useSharedServer } from '../support/fixtures.js'
import { waitFor } from '../support/wait.js'

const shared = useSharedServer()
const client = shared.client

/** A document's state vector as comparable text: which clocks of which clients it holds. */
const held = (doc: Y.Doc) =>
  JSON.stringify([...Y.decodeStateVector(Y.encodeStateVector(doc))].sort(([a], [b]) => a - b))

describe('convergence over real WebSockets (stock y-websocket client)', () => {
  it('[sync:P1] three clients editing concurrently converge to the same document', async () => {
    const roomId = await createRoom(shared.server)
    const [a, b, c] = [client(roomId), client(roomId), client(roomId)]
    await Promise.all([a.whenSynced(), b.whenSynced(), c.whenSynced()])
    putEntry(a.doc, 'a', { x: 1 })
    putEntry(b.doc, 'b', { x: 2 })
    putEntry(c.doc, 'c', { x: 3 })
    // Concurrent edits of one record.
    putEntry(c.doc, 't', 'c')
    putEntry(a.doc, 't', 'a')
    await waitFor(() => [b, c].every((x) => held(x.doc) === held(a.doc)), {
      what: 'every client to hold every edit',
    })
    const expected = entriesOf(a.doc)
    expect(expected).toEqual({ a: { x: 1 }, b: { x: 2 }, c: { x: 3 }, t: entryOf(a.doc, 't') })
    expect(['a', 'c']).toContain(expected.t)
    for (const other of [b, c]) {
      expect(entriesOf(other.doc)).toEqual(expected)
      expect(boardRecords(other.doc).toJSON()).toEqual(boardRecords(a.doc).toJSON())
    }
  })
})

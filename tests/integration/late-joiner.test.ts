import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { entriesOf, entryOf, numberedEntries, putEntry } from '../support/board-entries.js'
import { boardRecords, noteShape, putShapes } from '../support/board-records.js'
import { decodeServerFrame, SyncType, syncFrame } from '../support/frames.js'
import { openRawSocket } from '../support/raw-socket.js'
import { createRoom } from '../support/server-process.js'
import { useSharedServer } from '../support/fixtures.js'
import { waitFor } from '../support/wait.js'

const shared = useSharedServer()
const client = shared.client

describe('late joiners', () => {
  it('[sync:P1][sync:S3] a client joining after the writer left receives the full state', async () => {
    const roomId = await createRoom(shared.server)
    const writer = client(roomId)
    await writer.whenSynced()
    // Many separate transactions, so the state is spread over many stored updates.
    for (let i = 0; i < 100; i++) putEntry(writer.doc, `item-${i}`, i)
    putEntry(writer.doc, 'title', 'Retro board')
    const note = noteShape({
      id: 'shape:s1',
      text: 'A note',
      parentId: 'page:page',
      x: 10,
      y: 20,
      index: 'a1',
    })
    putShapes(writer.doc, note)
    // Gone right after writing: the frames are ordered before the close on the same socket.
    writer.destroy()

    const joiner = client(roomId)
    await joiner.whenSynced()
    await waitFor(() => boardRecords(joiner.doc).has('shape:s1'), { what: 'every edit' })
    expect(numberedEntries(joiner.doc, 'item-')).toEqual([...Array(100).keys()])
    expect(entryOf(joiner.doc, 'title')).toBe('Retro board')
    expect(boardRecords(joiner.doc).get('shape:s1')).toEqual(note)
  })

  it('[sync:P1] rooms are isolated: edits in one room never reach another', async () => {
    const [red, blue] = [
      await createRoom(shared.server, 'red'),
      await createRoom(shared.server, 'blue'),
    ]
    const [redA, redB, blueA, blueB] = [client(red), client(red), client(blue), client(blue)]
    await Promise.all([redA, redB, blueA, blueB].map((c) => c.whenSynced()))

    putEntry(redA.doc, 'color', 'red')
    putEntry(blueA.doc, 'color', 'blue')
    putEntry(blueA.doc, 'only-blue', true)
    await waitFor(() => entryOf(redB.doc, 'color') === 'red', { what: 'red edit' })
    await waitFor(() => entryOf(blueB.doc, 'only-blue') === true, { what: 'blue edits' })

    // A late joiner of each room also gets that room's state and nothing else.
    const [redLate, blueLate] = [client(red), client(blue)]
    await Promise.all([redLate.whenSynced(), blueLate.whenSynced()])
    for (const c of [redB, redLate]) expect(entriesOf(c.doc)).toEqual({ color: 'red' })
    for (const c of [blueB, blueLate]) {
      expect(entriesOf(c.doc)).toEqual({ color: 'blue', 'only-blue': true })
    }
  })

  it('[sync:P4] the server sends sync step 1 on join and answers a sync step 1 with sync step 2', async () => {
    const roomId = await createRoom(shared.server)
    const [writer, observer] = [client(roomId), client(roomId)]
    await Promise.all([writer.whenSynced(), observer.whenSynced()])
    putEntry(writer.doc, 'k', 'v')
    await waitFor(() => entryOf(observer.doc, 'k') === 'v', { what: 'the edit to land' })

    const raw = await openRawSocket(shared.server.wsUrl, roomId)
    await raw.receivedAtLeast(1)
    const first = decodeServerFrame(raw.received[0]!)
    expect(first).toMatchObject({ type: 'sync', syncType: SyncType.Step1 })
    // The server's state vector already counts the writer's edit.
    const stateVector = Y.decodeStateVector((first as { data: Uint8Array }).data)
    expect(stateVector.get(writer.doc.clientID)).toBeGreaterThan(0)

    // An empty state vector asks for everything.
    raw.ws.send(syncFrame(SyncType.Step1, Y.encodeStateVector(new Y.Doc())))
    const step2 = () =>
      raw.received
        .map(decodeServerFrame)
        .find((m) => m.type === 'sync' && m.syncType === SyncType.Step2)
    await waitFor(() => step2() !== undefined, { what: 'sync step 2' })
    const doc = new Y.Doc()
    Y.applyUpdate(doc, (step2() as { data: Uint8Array }).data)
    expect(entriesOf(doc)).toEqual({ k: 'v' })
    raw.ws.close()
  })
})

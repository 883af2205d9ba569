import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CloseCode } from './close-codes.js'
import { MemoryDocumentStore } from './memory-document-store.js'
import { RoomRegistry } from './room-registry.js'
import { InProcessClient, settle } from './testing/in-process-client.js'

/** A registry with one stored room whose document says which version wrote it. */
async function roomWrittenBy(version: number) {
  const store = new MemoryDocumentStore()
  const doc = new Y.Doc()
  doc.getMap('meta').set('version', version)
  doc.getMap('records').set('note', 'written by an older client')
  store.createRoom('room')
  await store.appendUpdates('room', [Y.encodeStateAsUpdate(doc)])
  return { store, registry: new RoomRegistry({ store }) }
}

const refuseNewer = (room: { doc: Y.Doc }) =>
  (room.doc.getMap('meta').get('version') as number) > 3 ? 'written by a newer version' : null

describe('a room whose document the server cannot serve', () => {
  it('[sync:P5] closes the connection with 4409 and its reason, before anything is synced', async () => {
    const { registry } = await roomWrittenBy(5)
    const client = new InProcessClient(registry, 'room', { refuseDocument: refuseNewer })
    await client.connect()
    await settle()
    expect(client.closedWith).toEqual({
      code: CloseCode.IncompatibleDocument,
      reason: 'written by a newer version',
    })
    expect(client.synced).toBe(false)
    expect(client.doc.getMap('records').size).toBe(0)
    // Nothing holds the room: it unloads like any room nobody uses.
    await settle()
    expect(registry.loadedCount).toBe(0)
  })

  it('[sync:P5] a document the check accepts is served as usual', async () => {
    const { registry } = await roomWrittenBy(3)
    const client = new InProcessClient(registry, 'room', { refuseDocument: refuseNewer })
    await client.connect()
    await settle()
    expect(client.closedWith).toBeNull()
    expect(client.synced).toBe(true)
    expect(client.doc.getMap('records').get('note')).toBe('written by an older client')
  })
})

import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MemoryDocumentStore } from './memory-document-store.js'
import { MessageType, SyncMessageType } from './protocol.js'
import { relayChunks } from './relay-batches.js'
import { RoomRegistry } from './room-registry.js'
import { InProcessClient, settle } from './testing/in-process-client.js'

const clients: InProcessClient[] = []
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy()
})

async function connect(registry: RoomRegistry): Promise<InProcessClient> {
  const client = new InProcessClient(registry, 'room')
  clients.push(client)
  await client.connect()
  await settle()
  return client
}

const updateFrames = (client: InProcessClient) =>
  client.received.filter(
    (frame) => frame[0] === MessageType.Sync && frame[1] === SyncMessageType.Update,
  )

function tinyUpdates(count: number): Uint8Array[] {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  for (let i = 0; i < count; i++) doc.getMap('m').set(String(i), i)
  return updates
}

describe('Relay batches', () => {
  it('[sync:B6] a batch is merged in runs of at most 64 updates and 1 MiB', () => {
    const batch = tinyUpdates(1000).map((update) => ({ update, origin: 'a' }))
    const chunks = relayChunks(batch)
    expect(chunks).toHaveLength(Math.ceil(1000 / 64))
    const doc = new Y.Doc()
    for (const chunk of chunks) Y.applyUpdate(doc, chunk.update)
    expect(doc.getMap('m').size).toBe(1000)
    const big = { update: new Uint8Array(700 * 1024), origin: 'b' }
    const alone = relayChunks([big, big, big])
    expect(alone).toHaveLength(3)
    for (const chunk of alone) expect(chunk.update === big.update).toBe(true)
  })

  it('[sync:B6] a chunk names its writer only when it is the only one', () => {
    const [a, b] = tinyUpdates(2)
    const chunks = relayChunks([
      { update: a!, origin: 'x' },
      { update: b!, origin: 'y' },
    ])
    expect(chunks.map((chunk) => chunk.origin)).toEqual([undefined])
    expect(relayChunks([{ update: a!, origin: 'x' }])[0]?.origin).toBe('x')
  })

  it('[sync:B6] a thousand edits stored in one turn reach a peer in a few merged frames, all of them', async () => {
    const store = new MemoryDocumentStore()
    store.createRoom('room')
    const registry = new RoomRegistry({ store, idleUnloadMs: 0 })
    const writers = [await connect(registry), await connect(registry), await connect(registry)]
    const observer = await connect(registry)
    const before = updateFrames(observer).length
    for (let i = 0; i < 1000; i++) writers[i % 3]!.doc.getMap('m').set(String(i), i)
    await settle()
    const frames = updateFrames(observer).length - before
    expect(frames).toBeGreaterThanOrEqual(Math.ceil(1000 / 64))
    expect(frames).toBeLessThanOrEqual(Math.ceil(1000 / 64) + 1)
    expect(observer.doc.getMap('m').size).toBe(1000)
    for (const writer of writers) expect(writer.doc.getMap('m').size).toBe(1000)
  })
})

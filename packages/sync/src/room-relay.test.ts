/**
 * Two instances (two registries) on one store, joined by the in-memory relay: the scale-out
 * rules X1–X5 of SPEC.md with the real protocol and no sockets.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { StoredDocument } from './document-store.js'
import { MemoryDocumentStore } from './memory-document-store.js'
import { MemoryRoomRelay } from './memory-room-relay.js'
import { RoomRegistry } from './room-registry.js'
import { InProcessClient, settle } from './testing/in-process-client.js'

class CountingStore extends MemoryDocumentStore {
  appended = 0
  holdLoads = false
  private held: (() => void)[] = []

  override appendUpdates(roomId: string, updates: readonly Uint8Array[]): Promise<number> {
    this.appended += updates.length
    return super.appendUpdates(roomId, updates)
  }

  override async loadDocument(roomId: string): Promise<StoredDocument | null> {
    if (this.holdLoads) await new Promise<void>((resolve) => this.held.push(resolve))
    return super.loadDocument(roomId)
  }

  releaseLoads(): void {
    this.holdLoads = false
    for (const release of this.held.splice(0)) release()
  }
}

const clients: InProcessClient[] = []
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy()
})

function twoInstances(compaction = { maxUpdates: 500, minBytes: 1 << 20 }) {
  const store = new CountingStore()
  store.createRoom('room')
  const hub = new MemoryRoomRelay()
  const relayA = hub.endpoint()
  const relayB = hub.endpoint()
  const a = new RoomRegistry({ store, relay: relayA, compaction, idleUnloadMs: 0 })
  const b = new RoomRegistry({ store, relay: relayB, compaction, idleUnloadMs: 0 })
  return { store, a, b, relayA, relayB }
}

async function connect(registry: RoomRegistry, roomId = 'room'): Promise<InProcessClient> {
  const client = new InProcessClient(registry, roomId)
  clients.push(client)
  await client.connect()
  await settle()
  return client
}

const text = (client: InProcessClient): string => client.doc.getText('t').toString()

/** The document as storage holds it, loaded afresh. */
async function storedText(store: MemoryDocumentStore): Promise<string> {
  const fresh = new RoomRegistry({ store })
  const reader = new InProcessClient(fresh, 'room')
  await reader.connect()
  await settle()
  const value = text(reader)
  reader.destroy()
  await settle()
  return value
}

describe('Scale-out: rooms on several instances', () => {
  it('[sync:X1][sync:X2] an update reaches the other instance’s peers and is stored once', async () => {
    const { store, a, b } = twoInstances()
    const onA = await connect(a)
    const onB = await connect(b)
    onA.doc.getText('t').insert(0, 'from A')
    await settle()
    expect(text(onB)).toBe('from A')
    onB.doc.getText('t').insert(6, ', from B')
    await settle()
    expect(text(onA)).toBe('from A, from B')
    expect(store.appended).toBe(2)
    expect(store.updateCount('room')).toBe(2)
    expect(await storedText(store)).toBe('from A, from B')
  })

  it('[sync:X4] presence crosses instances, and a peer leaving removes it there too', async () => {
    const { a, b } = twoInstances()
    const onA = await connect(a)
    const onB = await connect(b)
    onA.awareness.setLocalState({ name: 'Ada' })
    await settle()
    expect(onB.awareness.getStates().get(onA.doc.clientID)).toEqual({ name: 'Ada' })
    onB.awareness.setLocalState({ name: 'Bo' })
    await settle()
    expect(onA.awareness.getStates().get(onB.doc.clientID)).toEqual({ name: 'Bo' })
    onA.disconnect()
    await settle()
    expect(onB.awareness.getStates().has(onA.doc.clientID)).toBe(false)
  })

  it('[sync:X3] a dropped relay connection is made good from storage when it comes back', async () => {
    const { a, b, relayA } = twoInstances()
    const onA = await connect(a)
    const onB = await connect(b)
    relayA.disconnect()
    onB.doc.getText('t').insert(0, 'missed by A')
    await settle()
    expect(text(onA)).toBe('')
    relayA.reconnect()
    await settle()
    expect(text(onA)).toBe('missed by A')
    // And A's later edits still build on it everywhere.
    onA.doc.getText('t').insert(11, '!')
    await settle()
    expect(text(onB)).toBe('missed by A!')
  })

  it('[sync:X3] what is published while a room loads is not lost', async () => {
    const { store, a, b } = twoInstances()
    const onB = await connect(b)
    store.holdLoads = true
    const onA = new InProcessClient(a, 'room')
    clients.push(onA)
    const connecting = onA.connect()
    await settle()
    store.holdLoads = false
    onB.doc.getText('t').insert(0, 'during the load')
    await settle()
    store.releaseLoads()
    await connecting
    await settle()
    expect(text(onA)).toBe('during the load')
  })

  it('[sync:X5] compaction never drops an update another instance stored but not yet relayed', async () => {
    const { store, a, b, relayA } = twoInstances({ maxUpdates: 3, minBytes: 1 << 20 })
    const onA = await connect(a)
    const onB = await connect(b)
    relayA.disconnect()
    onB.doc.getText('t').insert(0, 'B;')
    await settle()
    for (const edit of ['a1;', 'a2;', 'a3;', 'a4;']) {
      onA.doc.getText('t').insert(0, edit)
      await settle()
    }
    await settle(20)
    expect(store.updateCount('room')).toBeLessThan(5) // A compacted
    expect(await storedText(store)).toContain('B;')
    relayA.reconnect()
    await settle()
    expect(text(onA)).toBe(text(onB))
    expect(text(onA)).toContain('B;')
  })
})

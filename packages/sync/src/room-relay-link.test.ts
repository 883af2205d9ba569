/**
 * What a room's relay link adds to X1–X5 (`room-relay.test.ts`): the presence of an instance
 * that died goes with it (X6), and what the other instances store counts toward the room's size
 * bound (X7). Instances are registries on one store, joined by the in-memory relay.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { MemoryDocumentStore } from './memory-document-store.js'
import { MemoryRoomRelay } from './memory-room-relay.js'
import { MessageType } from './protocol.js'
import { RoomRegistry, type RoomRegistryOptions } from './room-registry.js'
import { InProcessClient, settle } from './testing/in-process-client.js'

const clients: InProcessClient[] = []
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy()
})

function instances(count: number, options: Partial<RoomRegistryOptions> = {}) {
  const store = new MemoryDocumentStore()
  store.createRoom('room')
  const hub = new MemoryRoomRelay()
  const relays = Array.from({ length: count }, () => hub.endpoint())
  const registries = relays.map(
    (relay) => new RoomRegistry({ store, relay, idleUnloadMs: 0, ...options }),
  )
  return { store, relays, registries }
}

async function connect(registry: RoomRegistry): Promise<InProcessClient> {
  const client = new InProcessClient(registry, 'room')
  clients.push(client)
  await client.connect()
  await settle()
  return client
}

const text = (client: InProcessClient): string => client.doc.getText('t').toString()
const presenceOf = (watcher: InProcessClient, client: InProcessClient): unknown =>
  watcher.awareness.getStates().get(client.doc.clientID)
const permissionDenials = (client: InProcessClient): number =>
  client.received.filter((frame) => frame[0] === MessageType.Auth).length

describe('Scale-out: presence of an instance that dies', () => {
  it('[sync:X6] goes from the other instances and their peers once the relay reports it gone', async () => {
    const { relays, registries } = instances(3)
    const [onA, onB, onC] = [
      await connect(registries[0]!),
      await connect(registries[1]!),
      await connect(registries[2]!),
    ]
    onA.awareness.setLocalState({ name: 'Ada' })
    onB.awareness.setLocalState({ name: 'Bo' })
    onC.awareness.setLocalState({ name: 'Cy' })
    await settle()
    expect(presenceOf(onB, onA)).toEqual({ name: 'Ada' })
    expect(presenceOf(onC, onA)).toEqual({ name: 'Ada' })

    relays[0]!.crash()
    await settle()
    expect(presenceOf(onB, onA)).toBeUndefined()
    expect(presenceOf(onC, onA)).toBeUndefined()
    // Only the dead instance's: the others' relayed presence, and each one's own, stay.
    expect(presenceOf(onB, onC)).toEqual({ name: 'Cy' })
    expect(presenceOf(onC, onB)).toEqual({ name: 'Bo' })
    expect(presenceOf(onB, onB)).toEqual({ name: 'Bo' })
  })
})

describe('Scale-out: the size bound', () => {
  const bound = { maxDocumentBytes: 2000 }

  it('[sync:X7][sync:B2] what another instance stored counts toward the bound', async () => {
    const { registries } = instances(2, bound)
    const onA = await connect(registries[0]!)
    const onB = await connect(registries[1]!)
    onA.doc.getText('t').insert(0, 'x'.repeat(1500))
    await settle()
    expect(text(onB)).toHaveLength(1500)

    onB.doc.getText('t').insert(0, 'y'.repeat(1000))
    await settle()
    expect(permissionDenials(onB)).toBe(1)
    expect(text(onA)).toBe('x'.repeat(1500))
  })

  it('[sync:X7][sync:B2] what a re-read from storage finds counts toward the bound', async () => {
    const { relays, registries } = instances(2, bound)
    const onA = await connect(registries[0]!)
    const onB = await connect(registries[1]!)
    relays[1]!.disconnect()
    onA.doc.getText('t').insert(0, 'x'.repeat(1500))
    await settle()
    relays[1]!.reconnect()
    await settle()
    expect(text(onB)).toHaveLength(1500)

    onB.doc.getText('t').insert(0, 'y'.repeat(1000))
    await settle()
    expect(permissionDenials(onB)).toBe(1)
  })

  it('[sync:X7][sync:S6] a compaction on another instance is announced: what it folded away counts no more', async () => {
    const { store, registries } = instances(2, {
      ...bound,
      compaction: { maxUpdates: 2, minBytes: 1 << 20 },
    })
    const onA = await connect(registries[0]!)
    const onB = await connect(registries[1]!)
    onA.doc.getText('t').insert(0, 'x'.repeat(1500))
    await settle()
    onA.doc.getText('t').delete(0, 1500)
    await settle(20)
    expect(store.updateCount('room')).toBe(0) // A compacted

    onB.doc.getText('t').insert(0, 'y'.repeat(1000))
    await settle()
    expect(permissionDenials(onB)).toBe(0)
    expect(text(onA)).toBe('y'.repeat(1000))
  })
})

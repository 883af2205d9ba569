import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MemoryDocumentStore } from './memory-document-store.js'
import { encodeSyncStep1, MessageType, SyncMessageType } from './protocol.js'
import { RoomRegistry } from './room-registry.js'
import { InProcessClient, settle } from './testing/in-process-client.js'

/** A memory store whose appends can be held open: edits stay unstored, replies wait. */
class HeldStore extends MemoryDocumentStore {
  hold = false
  private held: (() => void)[] = []

  override async appendUpdates(roomId: string, updates: readonly Uint8Array[]): Promise<number> {
    if (this.hold) await new Promise<void>((resolve) => this.held.push(resolve))
    return super.appendUpdates(roomId, updates)
  }

  release(): void {
    this.hold = false
    for (const resume of this.held.splice(0)) resume()
  }
}

const clients: InProcessClient[] = []
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy()
})

async function setup() {
  const store = new HeldStore()
  store.createRoom('room')
  const registry = new RoomRegistry({ store, idleUnloadMs: 0 })
  const connect = async () => {
    const client = new InProcessClient(registry, 'room')
    clients.push(client)
    await client.connect()
    await settle()
    return client
  }
  return { store, connect }
}

const stepTwos = (client: InProcessClient) =>
  client.received.filter(
    (frame) => frame[0] === MessageType.Sync && frame[1] === SyncMessageType.Step2,
  )

const stepOne = (entries: [number, number][]) =>
  encodeSyncStep1(Y.encodeStateVector(new Map(entries)))

describe('Sync step 1 replies', () => {
  it('[sync:B5] a peer has at most one reply on its way: step 1s sent meanwhile are ignored', async () => {
    const { store, connect } = await setup()
    const writer = await connect()
    const flooder = await connect()
    const before = stepTwos(flooder).length
    store.hold = true
    writer.doc.getText('t').insert(0, 'waiting to be stored')
    await settle()
    for (let i = 0; i < 50; i++) flooder.sendRaw(stepOne([[writer.doc.clientID, i % 7]]))
    await settle()
    expect(stepTwos(flooder)).toHaveLength(before)
    store.release()
    await settle()
    expect(stepTwos(flooder)).toHaveLength(before + 1)
    expect(flooder.doc.getText('t').toString()).toBe('waiting to be stored')
    // Once it is sent, a new step 1 is answered again.
    flooder.sendRaw(stepOne([]))
    await settle()
    expect(stepTwos(flooder)).toHaveLength(before + 2)
  })

  it('[sync:B5] made-up state vectors share the whole document’s one encoding', async () => {
    const { connect } = await setup()
    const writer = await connect()
    writer.doc.getText('t').insert(0, 'a board')
    await settle()
    const reader = await connect()
    const whole = stepTwos(reader).at(-1)
    expect(whole).toBeDefined()
    for (let i = 1; i <= 30; i++) {
      // Unknown clients, and a known one claimed far beyond what the room holds of it.
      reader.sendRaw(stepOne([[1_000_000 + i, i]]))
      await settle(1)
    }
    const replies = stepTwos(reader).slice(-30)
    expect(replies).toHaveLength(30)
    for (const reply of replies) expect(reply).toBe(whole)
  })

  it('[sync:B5] one version of the document is encoded at most five times, whatever is asked', async () => {
    const { connect } = await setup()
    const writer = await connect()
    const text = writer.doc.getText('t')
    for (let i = 0; i < 40; i++) text.insert(i, 'x')
    await settle()
    const reader = await connect()
    const before = stepTwos(reader).length
    for (let clock = 1; clock <= 40; clock++) {
      reader.sendRaw(stepOne([[writer.doc.clientID, clock]]))
      await settle(1)
    }
    const replies = stepTwos(reader).slice(before)
    expect(replies).toHaveLength(40)
    expect(new Set(replies).size).toBeLessThanOrEqual(5)
    // Whatever a reply holds beyond what the reader asked for, the reader ends up equal.
    expect(reader.doc.getText('t').toString()).toBe(text.toString())
  })
})

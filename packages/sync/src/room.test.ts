import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CloseCode } from './close-codes.js'
import type { DocumentStore, StoredDocument } from './document-store.js'
import type { SyncMetrics, SyncRefusal } from './metrics.js'
import { MemoryDocumentStore } from './memory-document-store.js'
import { encodeAwarenessUpdate } from './awareness-update.js'
import { encodeAwareness, encodeSyncStep1, encodeUpdate } from './protocol.js'
import { RoomRegistry } from './room-registry.js'
import {
  InProcessClient,
  type InProcessClientOptions,
  settle,
} from './testing/in-process-client.js'
import { readOnlyAccess } from './peer-access.js'
import { HeldQueue } from './testing/held-queue.js'
import { err, ok } from './result.js'
import type { RootWrite } from './update-writes.js'
import { MessageType } from './protocol.js'

/** A store whose writes and loads can be held open or failed, to observe ordering. */
class ControlledStore implements DocumentStore {
  readonly inner = new MemoryDocumentStore()
  appendCalls: number[] = []
  holdAppends = false
  failAppends = false
  holdLoads = false
  private heldAppends: (() => void)[] = []
  private heldLoads: (() => void)[] = []

  async loadDocument(roomId: string): Promise<StoredDocument | null> {
    if (this.holdLoads) await new Promise<void>((resolve) => this.heldLoads.push(resolve))
    return this.inner.loadDocument(roomId)
  }

  async appendUpdates(roomId: string, updates: readonly Uint8Array[]): Promise<number> {
    this.appendCalls.push(updates.length)
    if (this.holdAppends) await new Promise<void>((resolve) => this.heldAppends.push(resolve))
    if (this.failAppends) throw new Error('disk on fire')
    return this.inner.appendUpdates(roomId, updates)
  }

  compact(roomId: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    return this.inner.compact(roomId, snapshot, throughSeq)
  }

  compactStored(roomId: string, merge: (parts: readonly Uint8Array[]) => Uint8Array) {
    return this.inner.compactStored(roomId, merge)
  }

  claimClientIds(roomId: string, claims: ReadonlyMap<number, string>): Promise<void> {
    return this.inner.claimClientIds(roomId, claims)
  }

  /** Lets the oldest held write finish, keeping the others held. */
  releaseOneAppend(): void {
    this.heldAppends.shift()?.()
  }

  releaseAppends(): void {
    this.holdAppends = false
    for (const release of this.heldAppends.splice(0)) release()
  }

  releaseLoads(): void {
    this.holdLoads = false
    for (const release of this.heldLoads.splice(0)) release()
  }
}

const clients: InProcessClient[] = []
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy()
})

async function connect(
  registry: RoomRegistry,
  roomId = 'room',
  options: InProcessClientOptions = {},
): Promise<InProcessClient> {
  const client = new InProcessClient(registry, roomId, options)
  clients.push(client)
  await client.connect()
  await settle()
  return client
}

function setup(
  options: {
    compaction?: { maxUpdates: number; minBytes: number }
    metrics?: SyncMetrics
    maxDocumentBytes?: number
    framesPerSecond?: number
  } = {},
) {
  const store = new ControlledStore()
  store.inner.createRoom('room')
  const registry = new RoomRegistry({ store, idleUnloadMs: 0, ...options })
  return { store, registry }
}

const text = (client: InProcessClient): string => client.doc.getText('t').toString()

describe('Room', () => {
  it('[sync:P4] a joiner receives the full state and converges with earlier clients', async () => {
    const { registry } = setup()
    const a = await connect(registry)
    a.doc.getText('t').insert(0, 'hello')
    await settle()
    const b = await connect(registry)
    expect(b.synced).toBe(true)
    expect(text(b)).toBe('hello')
    b.doc.getText('t').insert(5, ' world')
    await settle()
    expect(text(a)).toBe('hello world')
  })

  it('[sync:S1] nothing is relayed until the storage write resolves', async () => {
    const { store, registry } = setup()
    const a = await connect(registry)
    const b = await connect(registry)
    store.holdAppends = true
    a.doc.getText('t').insert(0, 'durable first')
    await settle()
    expect(store.appendCalls.length).toBeGreaterThan(0)
    expect(text(b)).toBe('')
    store.releaseAppends()
    await settle()
    expect(text(b)).toBe('durable first')
    expect((await store.inner.loadDocument('room'))?.updates.length).toBe(1)
  })

  it('[sync:S2] updates arriving in one event-loop turn are stored in one write', async () => {
    const { store, registry } = setup()
    const a = await connect(registry)
    const b = await connect(registry)
    store.appendCalls = []
    a.doc.getText('t').insert(0, 'a')
    b.doc.getText('t').insert(0, 'b')
    a.doc.getText('t').insert(0, 'c')
    await settle()
    expect(store.appendCalls).toEqual([3])
    expect(text(a)).toBe(text(b))
  })

  it('[sync:S3] a joiner’s sync step 2 waits for pending writes', async () => {
    const { store, registry } = setup()
    const a = await connect(registry)
    store.holdAppends = true
    a.doc.getText('t').insert(0, 'not yet durable')
    await settle()
    const b = new InProcessClient(registry, 'room')
    clients.push(b)
    await b.connect()
    await settle()
    expect(b.synced).toBe(false)
    expect(text(b)).toBe('')
    store.releaseAppends()
    await settle()
    expect(b.synced).toBe(true)
    expect(text(b)).toBe('not yet durable')
  })

  it('[sync:S3] with asynchronous storage, a sync step 2 holds nothing written after it was asked for', async () => {
    const { store, registry } = setup()
    const a = await connect(registry)
    store.holdAppends = true
    a.doc.getText('t').insert(0, 'x')
    await settle()
    const b = new InProcessClient(registry, 'room')
    clients.push(b)
    await b.connect()
    await settle()
    a.doc.getText('t').insert(1, 'y') // applied on the server, its write queued behind x's
    await settle()
    store.releaseOneAppend() // x is stored; y is not
    await settle()
    expect(b.synced).toBe(true)
    expect(text(b)).toBe('x')
    store.releaseAppends()
    await settle()
    expect(text(b)).toBe('xy')
  })

  it('[sync:S4] messages are held until the room has loaded', async () => {
    const { store, registry } = setup()
    const seeded = new Y.Doc()
    seeded.getText('t').insert(0, 'stored before')
    await store.inner.appendUpdates('room', [Y.encodeStateAsUpdate(seeded)])
    store.holdLoads = true
    const client = new InProcessClient(registry, 'room')
    clients.push(client)
    const connecting = client.connect()
    await settle()
    expect(client.received).toEqual([])
    store.releaseLoads()
    await connecting
    await settle()
    expect(client.synced).toBe(true)
    expect(text(client)).toBe('stored before')
  })

  it('[sync:S5] a failed write is not relayed; peers are closed and the room reloads from storage', async () => {
    const { store, registry } = setup()
    const a = await connect(registry)
    const b = await connect(registry)
    a.doc.getText('t').insert(0, 'kept')
    await settle()
    store.failAppends = true
    a.doc.getText('t').insert(4, ' lost')
    await settle()
    expect(text(b)).toBe('kept')
    expect(a.closedWith?.code).toBe(CloseCode.InternalError)
    expect(b.closedWith?.code).toBe(CloseCode.InternalError)
    store.failAppends = false
    const c = await connect(registry)
    expect(text(c)).toBe('kept')
  })

  it('[sync:S6] the log is compacted in the background and the document survives reload', async () => {
    const { store, registry } = setup({ compaction: { maxUpdates: 5, minBytes: 1 << 20 } })
    const a = await connect(registry)
    for (let i = 0; i < 12; i++) {
      a.doc.getText('t').insert(0, String(i % 10))
      await settle(1)
    }
    await settle()
    expect(store.inner.updateCount('room')).toBeLessThan(5)
    a.disconnect()
    await settle()
    expect(registry.loadedCount).toBe(0)
    const b = await connect(registry)
    expect(text(b)).toBe(text(a))
    expect(text(b)).toHaveLength(12)
  })

  it('[sync:S7] a room unloads when its last client leaves and reloads with everything', async () => {
    const { store, registry } = setup()
    const a = await connect(registry)
    a.doc.getText('t').insert(0, 'persisted')
    await settle()
    expect(registry.loadedCount).toBe(1)
    a.disconnect()
    await settle()
    expect(registry.loadedCount).toBe(0)
    expect(store.inner.updateCount('room')).toBe(0)
    const b = await connect(registry)
    expect(text(b)).toBe('persisted')
  })

  it('[sync:S7] a connection that arrives during an unload gets the reloaded room', async () => {
    const { registry } = setup()
    const a = await connect(registry)
    a.doc.getText('t').insert(0, 'x')
    await settle()
    a.disconnect()
    // Connect in the same turn as the unload starts.
    const b = new InProcessClient(registry, 'room')
    clients.push(b)
    await b.connect()
    await settle()
    expect(text(b)).toBe('x')
    expect(registry.loadedCount).toBe(1)
  })

  it('[sync:S8] a corrupt stored update is skipped and the rest of the room loads', async () => {
    const { store, registry } = setup()
    const seeded = new Y.Doc()
    seeded.getText('t').insert(0, 'good')
    await store.inner.appendUpdates('room', [
      Y.encodeStateAsUpdate(seeded),
      Uint8Array.from([1, 1, 1, 0, 31, 0]),
    ])
    const client = await connect(registry)
    expect(text(client)).toBe('good')
  })

  it('[sync:P3] an unknown room is refused with 4404 and not created', async () => {
    const { store, registry } = setup()
    const client = await connect(registry, 'nope')
    expect(client.closedWith).toEqual({ code: CloseCode.RoomNotFound, reason: 'room not found' })
    expect(await store.loadDocument('nope')).toBeNull()
    expect(registry.loadedCount).toBe(0)
  })

  it('[sync:P2] a malformed frame closes only that connection', async () => {
    const { registry } = setup()
    const a = await connect(registry)
    const b = await connect(registry)
    const c = await connect(registry)
    a.sendRaw(Uint8Array.from([0, 2, 3, 1, 2]))
    b.sendRaw('text frame')
    await settle()
    expect(a.closedWith?.code).toBe(CloseCode.MalformedMessage)
    expect(b.closedWith?.code).toBe(CloseCode.MalformedMessage)
    expect(c.closedWith).toBeNull()
    const d = await connect(registry)
    c.doc.getText('t').insert(0, 'still syncing')
    await settle()
    expect(text(d)).toBe('still syncing')
  })

  it('[sync:P2] an update that does not decode is refused before it reaches the document', async () => {
    const { store, registry } = setup()
    const a = await connect(registry)
    const before = store.appendCalls.length
    a.sendRaw(encodeUpdate(Uint8Array.from([1, 1, 1, 0, 31, 0])))
    a.sendRaw(encodeSyncStep1(Uint8Array.from([5])))
    await settle()
    expect(a.closedWith?.code).toBe(CloseCode.MalformedMessage)
    expect(store.appendCalls.length).toBe(before)
  })

  it('[sync:A1][sync:A2] presence is relayed and removed when its owner leaves', async () => {
    const { registry } = setup()
    const a = new InProcessClient(registry, 'room')
    clients.push(a)
    a.awareness.setLocalStateField('user', { name: 'Ada' })
    await a.connect()
    const b = await connect(registry)
    expect(b.awareness.getStates().get(a.doc.clientID)).toEqual({ user: { name: 'Ada' } })
    a.awareness.setLocalStateField('user', { name: 'Ada L.' })
    await settle()
    expect(b.awareness.getStates().get(a.doc.clientID)).toEqual({ user: { name: 'Ada L.' } })
    a.disconnect()
    await settle()
    expect(b.awareness.getStates().has(a.doc.clientID)).toBe(false)
  })

  it('[sync:A3] a client that reconnects gets its presence back, despite echoes from stock clients', async () => {
    const { registry } = setup()
    const a = new InProcessClient(registry, 'room', { echoAwareness: true })
    clients.push(a)
    a.awareness.setLocalStateField('user', { name: 'Ada' })
    await a.connect()
    const b = await connect(registry, 'room', { echoAwareness: true })
    expect(b.awareness.getStates().has(a.doc.clientID)).toBe(true)
    a.disconnect() // the network drops: no goodbye
    await settle()
    // b has applied the removal and echoed it back to the server.
    expect(b.awareness.getStates().has(a.doc.clientID)).toBe(false)
    await a.connect()
    await settle()
    expect(b.awareness.getStates().get(a.doc.clientID)).toEqual({ user: { name: 'Ada' } })
    b.awareness.setLocalStateField('user', { name: 'Bob' })
    await settle()
    expect(a.awareness.getStates().get(b.doc.clientID)).toEqual({ user: { name: 'Bob' } })
  })

  it('[sync:A3] a peer cannot overwrite another peer’s presence', async () => {
    const { registry } = setup()
    const a = new InProcessClient(registry, 'room')
    clients.push(a)
    a.awareness.setLocalStateField('user', { name: 'Ada' })
    await a.connect()
    const mallory = await connect(registry)
    const observer = await connect(registry)
    const { encodeAwarenessUpdate } = await import('./awareness-update.js')
    mallory.sendRaw(
      encodeAwareness(
        encodeAwarenessUpdate([
          { clientId: a.doc.clientID, clock: 999, stateJson: '{"user":{"name":"Mallory"}}' },
        ]),
      ),
    )
    await settle()
    expect(observer.awareness.getStates().get(a.doc.clientID)).toEqual({ user: { name: 'Ada' } })
    expect(mallory.closedWith).toBeNull()
  })

  it('[sync:R3] a read-only connection’s edits are never applied, stored or relayed; it is told once', async () => {
    const { store, registry } = setup()
    const writer = await connect(registry)
    writer.doc.getText('t').insert(0, 'shared')
    await settle()
    const viewer = await connect(registry, 'room', { access: readOnlyAccess })
    expect(text(viewer)).toBe('shared')
    const appendsBefore = store.appendCalls.length
    viewer.doc.getText('t').insert(0, 'forged ')
    viewer.doc.getText('t').insert(0, 'again ')
    await settle()
    expect(text(writer)).toBe('shared')
    expect(store.appendCalls.length).toBe(appendsBefore)
    const denials = viewer.received.filter((frame) => frame[0] === MessageType.Auth)
    expect(denials).toHaveLength(1)
    expect(viewer.closedWith).toBeNull()
    // It still receives what others write.
    writer.doc.getText('t').insert(6, '!')
    await settle()
    expect(viewer.doc.getText('t').toString()).toContain('shared!')
    const late = await connect(registry)
    expect(text(late)).toBe('shared!')
  })

  it('[sync:R4] a connection without presence access appears to nobody', async () => {
    const { registry } = setup()
    const observer = await connect(registry)
    const viewer = new InProcessClient(registry, 'room', { access: readOnlyAccess })
    clients.push(viewer)
    viewer.awareness.setLocalStateField('user', { name: 'Lurker' })
    await viewer.connect()
    viewer.awareness.setLocalStateField('cursor', { x: 1 })
    await settle()
    expect(observer.awareness.getStates().has(viewer.doc.clientID)).toBe(false)
  })

  it('[sync:R4] presence is stamped by the server before anyone sees it', async () => {
    const { registry } = setup()
    const stamp = (state: unknown) => ({ ...(state as object), user: { name: 'Ada (server)' } })
    const a = new InProcessClient(registry, 'room', {
      access: { canWrite: true, canPublishPresence: true, stampPresence: stamp },
    })
    clients.push(a)
    a.awareness.setLocalState({ user: { name: 'I am the CEO' }, cursor: 3 })
    await a.connect()
    const b = await connect(registry)
    expect(b.awareness.getStates().get(a.doc.clientID)).toEqual({
      user: { name: 'Ada (server)' },
      cursor: 3,
    })
  })

  it('[sync:R5] a write policy refuses an update before it touches the room; other writes go on', async () => {
    const { store, registry } = setup()
    const noServerState = {
      canWrite: true,
      canPublishPresence: true,
      checkWrites: (writes: readonly RootWrite[]) =>
        writes.some((write) => write.root === 'server:state')
          ? err('server-owned state changes through commands only')
          : ok(undefined),
    }
    const a = await connect(registry, 'room', { access: noServerState })
    const b = await connect(registry)
    a.doc.getMap('server:state').set('phase', 'forged')
    await settle()
    expect(b.doc.getMap('server:state').size).toBe(0)
    expect(a.received.filter((frame) => frame[0] === MessageType.Auth)).toHaveLength(1)
    expect(a.closedWith).toBeNull()
    // Storage holds a placeholder for the refused clocks, never the forged content.
    const stored = await store.inner.loadDocument('room')
    for (const update of stored?.updates ?? []) {
      expect(new TextDecoder().decode(update)).not.toContain('forged')
    }
    // The same writer's next, allowed edit is not stuck behind the refused one.
    a.doc.getMap('m').set('after', 'allowed')
    await settle()
    expect(b.doc.getMap('m').get('after')).toBe('allowed')
    b.doc.getMap('m').set('k', 'fine')
    await settle()
    expect(a.doc.getMap('m').get('k')).toBe('fine')
  })

  it('refusals are counted by reason through the metrics hook', async () => {
    const counts = new Map<SyncRefusal, number>()
    const metrics: SyncMetrics = {
      refused: (reason) => counts.set(reason, (counts.get(reason) ?? 0) + 1),
    }
    const { registry } = setup({ metrics })
    const viewer = await connect(registry, 'room', { access: readOnlyAccess, metrics })
    viewer.doc.getText('t').insert(0, 'forged ')
    viewer.doc.getText('t').insert(0, 'again ')
    await settle()
    const policed = await connect(registry, 'room', {
      metrics,
      access: { canWrite: true, canPublishPresence: true, checkWrites: () => ok(undefined) },
    })
    // An update on top of content the server never saw: refused, the connection stays.
    const elsewhere = new Y.Doc()
    elsewhere.getText('t').insert(0, 'unseen')
    const base = Y.encodeStateVector(elsewhere)
    elsewhere.getText('t').insert(6, ' more')
    policed.sendRaw(encodeUpdate(Y.encodeStateAsUpdate(elsewhere, base)))
    const broken = await connect(registry, 'room', { metrics })
    broken.sendRaw(encodeUpdate(Uint8Array.from([1, 1, 1, 0, 31, 0])))
    const texting = await connect(registry, 'room', { metrics })
    texting.sendRaw('text frame')
    await settle()
    expect(Object.fromEntries(counts)).toEqual({
      read_only: 2,
      missing_dependencies: 1,
      malformed: 2,
    })
    expect(viewer.closedWith).toBeNull()
    expect(policed.closedWith).toBeNull()
  })
})

/** Counts refusals by reason, as `/metrics` does. */
function countingMetrics() {
  const counts = new Map<SyncRefusal, number>()
  const metrics: SyncMetrics = {
    refused: (reason) => counts.set(reason, (counts.get(reason) ?? 0) + 1),
  }
  return { metrics, counts: () => Object.fromEntries(counts) }
}

const permissionDenials = (client: InProcessClient): number =>
  client.received.filter((frame) => frame[0] === MessageType.Auth).length

async function loadedRoom(registry: RoomRegistry) {
  const acquired = await registry.acquire('room')
  if (!acquired.ok) throw new Error('room missing')
  registry.release(acquired.value)
  return acquired.value
}

describe('Room bounds', () => {
  it('[sync:B2] an update that would grow the document past its bound is refused; deletions still go', async () => {
    const { metrics, counts } = countingMetrics()
    const { store, registry } = setup({ maxDocumentBytes: 2000, metrics })
    const a = await connect(registry)
    const b = await connect(registry)
    a.doc.getText('t').insert(0, 'x'.repeat(1500))
    await settle()
    expect(text(b)).toHaveLength(1500)

    a.doc.getText('t').insert(0, 'y'.repeat(1000))
    await settle()
    expect(text(b)).toHaveLength(1500)
    expect(permissionDenials(a)).toBe(1)
    expect(permissionDenials(b)).toBe(0)
    expect(counts()).toEqual({ document_too_large: 1 })
    const stored = await store.inner.loadDocument('room')
    for (const update of stored?.updates ?? []) {
      expect(new TextDecoder().decode(update)).not.toContain('yyy')
    }

    // Deleting makes room; the writer is not stuck behind its refused update.
    a.doc.getText('t').delete(0, a.doc.getText('t').length)
    await settle()
    expect(text(b)).toBe('')
    a.doc.getText('t').insert(0, 'small')
    await settle()
    expect(text(b)).toBe('small')
    expect(a.closedWith).toBeNull()
  })

  it('[sync:B4] content waiting for dependencies the server lacks is never kept in memory', async () => {
    const { metrics, counts } = countingMetrics()
    const { registry } = setup({ metrics })
    const honest = await connect(registry)
    const hostile = await connect(registry)
    // A client's second edit without its first: every struct of it waits for clock 0.
    const elsewhere = new Y.Doc()
    elsewhere.getText('t').insert(0, 'first')
    const afterFirst = Y.encodeStateVector(elsewhere)
    elsewhere.getText('t').insert(5, ' second')
    hostile.sendRaw(encodeUpdate(Y.encodeStateAsUpdate(elsewhere, afterFirst)))
    // Deletions of content nobody has.
    const deleter = new Y.Doc()
    deleter.getText('t').insert(0, 'gone')
    const beforeDelete = Y.encodeStateVector(deleter)
    deleter.getText('t').delete(0, 4)
    hostile.sendRaw(encodeUpdate(Y.encodeStateAsUpdate(deleter, beforeDelete)))
    await settle()

    const room = await loadedRoom(registry)
    expect(room.doc.store.pendingStructs).toBeNull()
    expect(room.doc.store.pendingDs).toBeNull()
    expect(counts()).toEqual({ missing_dependencies: 2 })
    honest.doc.getText('t').insert(0, 'still fine')
    await settle()
    expect(text(hostile)).toBe('still fine')
  })

  it('[sync:B4] an honest client whose edit overtakes its sync step 2 still converges', async () => {
    const { registry } = setup()
    const policy: InProcessClientOptions = {
      access: { canWrite: true, canPublishPresence: true, checkWrites: () => ok(undefined) },
    }
    const a = await connect(registry, 'room', policy)
    const b = await connect(registry)
    a.disconnect()
    a.doc.getText('t').insert(0, 'offline ')
    // Reconnect, and edit before the server's sync step 1 arrives: this update depends on the
    // offline one, which reaches the server only in the step 2 that follows.
    const reconnecting = a.connect()
    a.doc.getText('t').insert(8, 'and online')
    await reconnecting
    await settle()
    expect(text(b)).toBe('offline and online')
    expect(text(a)).toBe(text(b))
  })

  it('[sync:B1] a connection faster than its rate limit is closed with 4429; others carry on', async () => {
    const { metrics, counts } = countingMetrics()
    const { registry } = setup({ metrics })
    const flooder = await connect(registry, 'room', {
      metrics,
      messageRate: { perSecond: 1, burst: 10 },
    })
    const calm = await connect(registry)
    for (let i = 0; i < 20; i++) flooder.doc.getText('t').insert(0, 'f')
    await settle()
    expect(flooder.closedWith?.code).toBe(CloseCode.TooManyMessages)
    expect(counts()).toEqual({ rate_limited: 1 })
    calm.doc.getText('t').insert(0, 'calm ')
    await settle()
    expect(calm.closedWith).toBeNull()
    expect(text(calm)).toMatch(/^calm f*$/)
  })

  it('[sync:R6] a Yjs client id belongs to the principal that used it first; others are refused', async () => {
    const { metrics, counts } = countingMetrics()
    const { registry } = setup({ metrics })
    const as = (principal: string): InProcessClientOptions => ({
      metrics,
      access: { canWrite: true, canPublishPresence: true, principal },
    })
    const ada = await connect(registry, 'room', as('member:ada'))
    const bo = await connect(registry, 'room', as('member:bo'))
    ada.doc.getText('t').insert(0, 'ada ')
    await settle()
    ada.disconnect()
    ada.doc.getText('t').insert(4, 'offline')

    // Mallory writes at Ada's next clock, under Ada's id.
    const mallory = await connect(registry, 'room', as('member:mallory'))
    const forger = new Y.Doc()
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(bo.doc))
    // Set after loading: Yjs gives a document a new id when an update carries its own.
    forger.clientID = ada.doc.clientID
    forger.getText('t').insert(0, 'forged ')
    mallory.sendRaw(encodeUpdate(Y.encodeStateAsUpdate(forger, Y.encodeStateVector(bo.doc))))
    await settle()
    expect(mallory.closedWith?.code).toBe(CloseCode.MalformedMessage)
    expect(counts()).toEqual({ forged_client_id: 1 })

    // Ada's own edit, made meanwhile, still reaches everyone.
    await ada.connect()
    await settle()
    expect(text(bo)).toBe('ada offline')
    expect(text(ada)).toBe(text(bo))
  })

  it('[sync:R6] presence under an id another principal holds is ignored, also a viewer’s', async () => {
    const { registry } = setup()
    const watcher = await connect(registry)
    const viewer = new InProcessClient(registry, 'room', {
      access: { canWrite: false, canPublishPresence: false, principal: 'link:viewer' },
    })
    clients.push(viewer)
    viewer.awareness.setLocalState({ watching: true })
    await viewer.connect()
    await settle()
    const mallory = await connect(registry, 'room', {
      access: { canWrite: true, canPublishPresence: true, principal: 'link:participant' },
    })
    mallory.sendRaw(
      encodeAwareness(
        encodeAwarenessUpdate([
          { clientId: viewer.doc.clientID, clock: 100, stateJson: '{"cursor":"forged"}' },
        ]),
      ),
    )
    await settle()
    expect(watcher.awareness.getStates().has(viewer.doc.clientID)).toBe(false)
  })
})

describe('Room fan-out', () => {
  const frames = (client: InProcessClient, type: number) =>
    client.received.filter((frame) => frame[0] === type)

  it('[sync:S9] updates stored in one turn reach each peer as one frame, writers included', async () => {
    const { registry } = setup()
    const [a, b, observer] = [
      await connect(registry),
      await connect(registry),
      await connect(registry),
    ]
    const before = frames(observer, MessageType.Sync).length
    a.doc.getText('t').insert(0, 'a')
    b.doc.getMap('m').set('b', 1)
    await settle()
    expect(frames(observer, MessageType.Sync)).toHaveLength(before + 1)
    expect(text(observer)).toBe('a')
    expect(observer.doc.getMap('m').get('b')).toBe(1)
    expect(b.doc.getText('t').toString()).toBe('a')
    // A lone writer's update is not echoed back to it.
    const echoes = frames(a, MessageType.Sync).length
    a.doc.getText('t').insert(1, 'b')
    await settle()
    expect(frames(a, MessageType.Sync)).toHaveLength(echoes)
    expect(text(observer)).toBe('ab')
  })

  it('[sync:A4] presence changed in one turn reaches each peer as one frame', async () => {
    const { registry } = setup()
    const [a, b, observer] = [
      await connect(registry),
      await connect(registry),
      await connect(registry),
    ]
    const before = frames(observer, MessageType.Awareness).length
    a.awareness.setLocalState({ cursor: 1 })
    b.awareness.setLocalState({ cursor: 2 })
    await settle()
    expect(frames(observer, MessageType.Awareness)).toHaveLength(before + 1)
    expect(observer.awareness.getStates().get(a.doc.clientID)).toEqual({ cursor: 1 })
    expect(observer.awareness.getStates().get(b.doc.clientID)).toEqual({ cursor: 2 })
  })

  it('[sync:A5] over the frame budget, changes from many turns wait and go out merged', async () => {
    // 4 peers at 40 frames a second: at most one flush per 100 ms.
    const { registry } = setup({ framesPerSecond: 40 })
    const [a, b, c, observer] = [
      await connect(registry),
      await connect(registry),
      await connect(registry),
      await connect(registry),
    ]
    await new Promise((resolve) => setTimeout(resolve, 150)) // the joins' own flushes are past
    const presenceBefore = frames(observer, MessageType.Awareness).length
    const editsBefore = frames(observer, MessageType.Sync).length
    for (const [index, client] of [a, b, c].entries()) {
      client.awareness.setLocalState({ cursor: index })
      client.doc.getMap('m').set(String(index), index)
      await settle(1) // each change in a turn of its own
    }
    // At most one flush has gone out so far; the rest is waiting for the next allowed one.
    expect(frames(observer, MessageType.Awareness).length - presenceBefore).toBeLessThanOrEqual(1)
    await new Promise((resolve) => setTimeout(resolve, 250))
    expect(frames(observer, MessageType.Awareness).length - presenceBefore).toBeLessThanOrEqual(2)
    expect(frames(observer, MessageType.Sync).length - editsBefore).toBeLessThanOrEqual(2)
    for (const [index, client] of [a, b, c].entries()) {
      expect(observer.awareness.getStates().get(client.doc.clientID)).toEqual({ cursor: index })
      expect(observer.doc.getMap('m').get(String(index))).toBe(index)
    }
  })

  it('[sync:A6] a backed-up peer gets the newest presence once it drains; edits are never held back', async () => {
    const { registry } = setup()
    const queue = new HeldQueue()
    const [a, b, observer] = [
      await connect(registry),
      await connect(registry),
      await connect(registry, 'room', { pressure: queue }),
    ]
    b.awareness.setLocalState({ cursor: 'b' })
    await settle()
    expect(observer.awareness.getStates().get(b.doc.clientID)).toEqual({ cursor: 'b' })

    queue.full = true
    const presenceBefore = frames(observer, MessageType.Awareness).length
    for (let cursor = 0; cursor < 5; cursor++) {
      a.awareness.setLocalState({ cursor })
      a.doc.getMap('m').set('x', cursor)
      await settle(1)
    }
    b.disconnect()
    await settle()
    expect(frames(observer, MessageType.Awareness)).toHaveLength(presenceBefore)
    expect(observer.doc.getMap('m').get('x')).toBe(4)

    queue.drain()
    expect(frames(observer, MessageType.Awareness)).toHaveLength(presenceBefore + 1)
    expect(observer.awareness.getStates().get(a.doc.clientID)).toEqual({ cursor: 4 })
    expect(observer.awareness.getStates().has(b.doc.clientID)).toBe(false)
    // Drained, it gets each change as it comes again.
    a.awareness.setLocalState({ cursor: 5 })
    await settle()
    expect(frames(observer, MessageType.Awareness)).toHaveLength(presenceBefore + 2)
  })

  it('[sync:A5] under the frame budget every change goes out in its own turn', async () => {
    const { registry } = setup({ framesPerSecond: 1_000_000 })
    const [a, observer] = [await connect(registry), await connect(registry)]
    const before = frames(observer, MessageType.Awareness).length
    for (let cursor = 0; cursor < 3; cursor++) {
      a.awareness.setLocalState({ cursor })
      await settle(1)
    }
    expect(frames(observer, MessageType.Awareness)).toHaveLength(before + 3)
  })

  it('[sync:S9] joiners that arrive together share one encoding of the whole document', async () => {
    const { registry } = setup()
    const writer = await connect(registry)
    writer.doc.getText('t').insert(0, 'shared state')
    await settle()
    const joiners = await Promise.all([connect(registry), connect(registry), connect(registry)])
    const stepTwos = joiners.map((joiner) =>
      joiner.received.find((frame) => frame[0] === MessageType.Sync && frame[1] === 1),
    )
    expect(stepTwos[0]).toBeDefined()
    expect(stepTwos[1]).toBe(stepTwos[0])
    expect(stepTwos[2]).toBe(stepTwos[0])
    for (const joiner of joiners) expect(text(joiner)).toBe('shared state')
    // A later change makes a new encoding.
    writer.doc.getText('t').insert(0, 'more ')
    await settle()
    const late = await connect(registry)
    expect(text(late)).toBe('more shared state')
  })
})

import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ClientIdOwners } from './client-ids.js'
import { CloseCode } from './close-codes.js'
import { MemoryDocumentStore } from './memory-document-store.js'
import { MemoryRoomRelay } from './memory-room-relay.js'
import { encodeUpdate } from './protocol.js'
import { RoomRegistry } from './room-registry.js'
import { InProcessClient, settle } from './testing/in-process-client.js'

const as = (principal: string) => ({ canWrite: true, canPublishPresence: true, principal })

/** The structs of an update written by a document with `clientId`. */
function structsBy(clientId: number) {
  const author = new Y.Doc()
  author.clientID = clientId
  const before = Y.encodeStateVector(author)
  author.getMap('m').set(`k${clientId}`, 1)
  return Y.decodeUpdate(Y.encodeStateAsUpdate(author, before)).structs
}

describe('ClientIdOwners [sync:R6]', () => {
  it('an id belongs to the first principal that uses it; the server’s own id is taken', () => {
    const owners = new ClientIdOwners(new Map(), 99)
    expect(owners.mayUse(as('member:ada'), 99)).toBe(false)
    expect(owners.claim(as('member:ada'), 1)).toBe(true)
    expect(owners.claim(as('member:ada'), 1)).toBe(false) // already hers: nothing new to store
    expect(owners.mayUse(as('member:ada'), 1)).toBe(true)
    expect(owners.mayUse(as('member:bo'), 1)).toBe(false)
    // Connections without a principal (tests, tools) are not bound.
    expect(owners.mayUse({ canWrite: true, canPublishPresence: true }, 1)).toBe(true)
  })

  it('hands new claims to storage once, and keeps what storage or other instances claimed', () => {
    const owners = new ClientIdOwners(new Map([[1, 'member:ada']]), 99)
    owners.claim(as('member:bo'), 2)
    expect(owners.hasUnstored).toBe(true)
    expect(owners.takeUnstored()).toEqual(new Map([[2, 'member:bo']]))
    expect(owners.hasUnstored).toBe(false)
    owners.adopt([
      [1, 'member:mallory'],
      [3, 'member:cy'],
    ])
    expect(owners.mayUse(as('member:ada'), 1)).toBe(true)
    expect(owners.mayUse(as('member:cy'), 3)).toBe(true)
    expect(owners.hasUnstored).toBe(false) // adopted claims are stored elsewhere already
  })

  it('an update is the writer’s when every id it writes new content under may be theirs', () => {
    const doc = new Y.Doc()
    const owners = new ClientIdOwners(new Map(), doc.clientID)
    expect(owners.claimWriters(as('member:ada'), doc, structsBy(1))).toBe(true)
    expect(owners.claimWriters(as('member:bo'), doc, structsBy(1))).toBeNull()
    // Content the room already has is a resend, whoever sends it.
    const ada = new Y.Doc()
    ada.clientID = 1
    ada.getMap('m').set('k', 1)
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(ada))
    const resent = Y.decodeUpdate(Y.encodeStateAsUpdate(ada)).structs
    expect(owners.claimWriters(as('member:bo'), doc, resent)).toBe(false)
  })

  it('the server’s id is stored once it writes under it, and not for a room only read', () => {
    const doc = new Y.Doc()
    const owners = new ClientIdOwners(new Map(), doc.clientID)
    owners.noteServerWrites(doc)
    expect(owners.hasUnstored).toBe(false)
    doc.getMap('m').set('k', 1)
    owners.noteServerWrites(doc)
    expect(owners.takeUnstored()).toEqual(new Map([[doc.clientID, 'server']]))
    owners.noteServerWrites(doc)
    expect(owners.hasUnstored).toBe(false)
  })

  it('after a room reloads, nobody may continue the server’s id of an earlier load', async () => {
    const store = new MemoryDocumentStore()
    store.createRoom('room')
    const registry = new RoomRegistry({ store, idleUnloadMs: 0 })
    const acquired = await registry.acquire('room')
    if (!acquired.ok) throw new Error('room missing')
    const earlier = acquired.value
    earlier.doc.getMap('accord:room').set('locks', ['shape:frame'])
    const previousServerId = earlier.doc.clientID
    await earlier.flushed()
    registry.release(earlier)
    await settle()
    expect(registry.loadedCount).toBe(0)

    const mallory = new InProcessClient(registry, 'room', {
      access: { canWrite: true, canPublishPresence: true, principal: 'member:mallory' },
    })
    await mallory.connect()
    await settle()
    expect(mallory.doc.getMap('accord:room').get('locks')).toEqual(['shape:frame'])
    // Writes at the server's next clock under its old id, as if the server had written it.
    const forger = new Y.Doc()
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(mallory.doc))
    forger.clientID = previousServerId
    const before = Y.encodeStateVector(forger)
    forger.getMap('accord:room').set('locks', [])
    mallory.sendRaw(encodeUpdate(Y.encodeStateAsUpdate(forger, before)))
    await settle()
    expect(mallory.closedWith?.code).toBe(CloseCode.MalformedMessage)
    const reloaded = await registry.acquire('room')
    if (!reloaded.ok) throw new Error('room missing')
    expect(reloaded.value.doc.getMap('accord:room').get('locks')).toEqual(['shape:frame'])
    registry.release(reloaded.value)
    mallory.destroy()
    await settle()
  })

  it('content stored under an id nobody claimed is the server’s: earlier loads’ ids, unrecorded', async () => {
    const store = new MemoryDocumentStore()
    store.createRoom('room')
    const earlierServer = new Y.Doc()
    earlierServer.getMap('accord:room').set('locks', ['shape:frame'])
    await store.appendUpdates('room', [Y.encodeStateAsUpdate(earlierServer)])
    const registry = new RoomRegistry({ store, idleUnloadMs: 0 })
    const mallory = new InProcessClient(registry, 'room', {
      access: { canWrite: true, canPublishPresence: true, principal: 'member:mallory' },
    })
    await mallory.connect()
    await settle()
    const forger = new Y.Doc()
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(mallory.doc))
    forger.clientID = earlierServer.clientID
    const before = Y.encodeStateVector(forger)
    forger.getMap('accord:room').set('locks', [])
    mallory.sendRaw(encodeUpdate(Y.encodeStateAsUpdate(forger, before)))
    await settle()
    expect(mallory.closedWith?.code).toBe(CloseCode.MalformedMessage)
    mallory.destroy()
    await settle()
    expect((await store.loadDocument('room'))?.clientIds.get(earlierServer.clientID)).toBe('server')
  })

  it('the server’s id on one instance may be continued by nobody on another', async () => {
    const store = new MemoryDocumentStore()
    store.createRoom('room')
    const hub = new MemoryRoomRelay()
    const [onA, onB] = [hub.endpoint(), hub.endpoint()].map(
      (relay) => new RoomRegistry({ store, relay, idleUnloadMs: 0 }),
    )
    // Mallory's instance has the room loaded before instance A's server writes anything.
    const mallory = new InProcessClient(onB!, 'room', {
      access: { canWrite: true, canPublishPresence: true, principal: 'member:mallory' },
    })
    await mallory.connect()
    await settle()
    const acquired = await onA!.acquire('room')
    if (!acquired.ok) throw new Error('room missing')
    const serverA = acquired.value
    serverA.doc.getMap('accord:room').set('locks', ['shape:frame'])
    await serverA.flushed()
    await settle()
    expect(mallory.doc.getMap('accord:room').get('locks')).toEqual(['shape:frame'])

    const forger = new Y.Doc()
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(mallory.doc))
    forger.clientID = serverA.doc.clientID
    const before = Y.encodeStateVector(forger)
    forger.getMap('accord:room').set('locks', [])
    mallory.sendRaw(encodeUpdate(Y.encodeStateAsUpdate(forger, before)))
    await settle()
    expect(mallory.closedWith?.code).toBe(CloseCode.MalformedMessage)
    expect(serverA.doc.getMap('accord:room').get('locks')).toEqual(['shape:frame'])
    onA!.release(serverA)
    mallory.destroy()
    await settle()
  })
})

import { createShapeId, type TLShape } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { bindStoreToDoc, META_MAP, recordsOf } from './store-binding.js'
import {
  documentRecords,
  linkedDocs,
  makeStore,
  nextFrame,
  note,
  PAGE_ID,
} from './testing/stores.js'

function bind(...args: Parameters<typeof bindStoreToDoc>) {
  const result = bindStoreToDoc(...args)
  if (!result.ok) throw new Error(result.error)
  return result.binding
}

/** Two clients: each a store bound to its own doc, the docs linked like peers of one room. */
function twoClients() {
  const [docA, docB] = linkedDocs()
  const storeA = makeStore()
  const storeB = makeStore()
  bind(storeA, docA)
  bind(storeB, docB)
  return { docA, docB, storeA, storeB }
}

describe('bindStoreToDoc', () => {
  it('seeds an empty document with the store’s document records, never the schema', () => {
    const doc = new Y.Doc()
    const store = makeStore('Retro')
    bind(store, doc)
    expect([...recordsOf(doc).keys()].sort()).toEqual(['document:document', PAGE_ID])
    // The schema record is the server's: a client that writes it is refused.
    expect(doc.getMap(META_MAP).has('schema')).toBe(false)
  })

  it('writes nothing back when it loads a board (a participant may not touch the layout)', () => {
    const source = new Y.Doc()
    const original = makeStore('Shared page')
    original.put([note('n1', 'hello')])
    bind(original, source)
    source.getMap(META_MAP).set('schema', original.schema.serialize())
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(source))
    const written: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => written.push(update))
    bind(makeStore('Local default'), doc)
    expect(written).toEqual([])
  })

  it('loads an existing document into the store, replacing its defaults', () => {
    const source = new Y.Doc()
    const original = makeStore('Shared page')
    original.put([note('n1', 'hello')])
    bind(original, source)
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(source))
    const store = makeStore('Local default')
    bind(store, doc)
    expect(documentRecords(store)).toEqual(documentRecords(original))
  })

  it('sends a created, moved and deleted shape to the other client', async () => {
    const { storeA, storeB } = twoClients()
    const id = createShapeId('n1')
    storeA.put([note('n1', 'sticky')])
    await nextFrame()
    expect(storeB.get(id)).toEqual(storeA.get(id))
    storeA.update(id, (shape) => ({ ...shape, x: 250 }))
    await nextFrame()
    expect((storeB.get(id) as TLShape).x).toBe(250)
    storeA.remove([id])
    await nextFrame()
    expect(storeB.has(id)).toBe(false)
  })

  it('batches one frame of store changes into one document transaction', async () => {
    const { docA, storeA } = twoClients()
    let transactions = 0
    docA.on('afterTransaction', (transaction: Y.Transaction) => {
      if (transaction.changed.size > 0) transactions++
    })
    storeA.put([note('a', 'a')])
    storeA.put([note('b', 'b')])
    storeA.update(createShapeId('a'), (shape) => ({ ...shape, x: 5 }))
    await nextFrame()
    expect(transactions).toBe(1)
  })

  it('does not echo remote changes back into the document', async () => {
    const { docA, docB, storeA } = twoClients()
    storeA.put([note('n1', 'x')])
    await nextFrame()
    let writesByB = 0
    docB.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin !== docA) writesByB++
    })
    storeA.update(createShapeId('n1'), (shape) => ({ ...shape, x: 99 }))
    await nextFrame()
    await nextFrame()
    expect(writesByB).toBe(0)
  })

  it('converges when a remote change lands before a local edit is delivered', async () => {
    const { docA, docB, storeA, storeB } = twoClients()
    const id = createShapeId('n1')
    storeA.put([note('n1', 'x')])
    await nextFrame()
    // A edits locally (delivered next frame); B's edit of the same shape reaches A first.
    storeA.update(id, (shape) => ({ ...shape, x: 1 }))
    storeB.update(id, (shape) => ({ ...shape, y: 2 }))
    await nextFrame()
    await nextFrame()
    expect(storeA.get(id)).toEqual(storeB.get(id))
    expect(recordsOf(docA).get(id)).toEqual(storeA.get(id))
    expect(recordsOf(docB).get(id)).toEqual(storeB.get(id))
  })

  it('keeps session records (camera, instance) out of the document', async () => {
    const { docA, storeA } = twoClients()
    storeA.put([{ ...storeA.schema.types.camera.create({ id: 'camera:x' as never }) } as never])
    await nextFrame()
    expect(recordsOf(docA).has('camera:x')).toBe(false)
  })

  it('skips an invalid remote record and still applies the valid ones', async () => {
    const { docB, storeA } = twoClients()
    const rejected: string[] = []
    const storeC = makeStore()
    const docC = new Y.Doc()
    Y.applyUpdate(docC, Y.encodeStateAsUpdate(docB))
    bind(storeC, docC, { onRejectedRecord: (id) => rejected.push(id) })
    const remote = new Y.Doc()
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(docC))
    remote.on('update', (update: Uint8Array) => Y.applyUpdate(docC, update))
    remote.transact(() => {
      recordsOf(remote).set('shape:bad', {
        ...note('bad', ''),
        id: 'shape:bad',
        x: 'nope',
      } as never)
      recordsOf(remote).set(createShapeId('good'), note('good', 'ok'))
    })
    expect(rejected).toEqual(['shape:bad'])
    expect(storeC.has(createShapeId('good'))).toBe(true)
    expect(storeA.has(createShapeId('good'))).toBe(false)
  })

  it('stops syncing after unbind', async () => {
    const [docA, docB] = linkedDocs()
    const storeA = makeStore()
    const storeB = makeStore()
    const bindingA = bind(storeA, docA)
    bind(storeB, docB)
    bindingA.unbind()
    storeA.put([note('n1', 'x')])
    await nextFrame()
    expect(storeB.has(createShapeId('n1'))).toBe(false)
  })

  it('refuses a board written by an incompatible schema', () => {
    const doc = new Y.Doc()
    const store = makeStore()
    bind(store, doc)
    doc.getMap(META_MAP).set('schema', {
      schemaVersion: 2,
      sequences: { 'com.tldraw.shape': 999 },
    })
    const result = bindStoreToDoc(makeStore(), doc)
    expect(result.ok).toBe(false)
  })
})

/**
 * What a modified client writes into a room's document, decided by its effect (README,
 * "Security"): the real server, the stock y-websocket client for honest parties, and updates
 * built struct by struct for the hostile one.
 */
import { handBuiltUpdate } from '@accord/sync/testing'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { boardRecords, noteShape } from '../support/board-records.js'
import { useSharedServer } from '../support/fixtures.js'
import { SyncType, syncFrame } from '../support/frames.js'
import { createRoom, tokensOf } from '../support/server-process.js'
import { waitFor } from '../support/wait.js'
import type { TestClient } from '../support/yjs-client.js'

const shared = useSharedServer()
const STATE = 'accord:room'

/** The item currently holding `key` of a root map, in a client's copy of the document. */
function currentItem(doc: Y.Doc, root: string, key: string): Y.Item {
  const item = doc.getMap(root)._map.get(key)
  if (!item) throw new Error(`no ${root}.${key}`)
  return item
}

/** One struct of deleted content whose origin is `item`: integrated, it deletes the key's value. */
function deletedContentAfter(item: Y.Item, client: number): Uint8Array {
  return handBuiltUpdate([
    {
      client,
      clock: 0,
      structs: [{ kind: 'item', place: { origin: item.lastId }, content: new Y.ContentDeleted(1) }],
    },
  ])
}

function sendUpdate(client: TestClient, update: Uint8Array): void {
  client.provider.ws?.send(syncFrame(SyncType.Update, update))
}

/**
 * An honest note written after the hostile frames, and seen by `observer`: the server handles a
 * connection's frames in order, so everything sent before it has been decided by then.
 */
async function honestWriteSeen(writer: TestClient, observer: TestClient): Promise<void> {
  const marker = noteShape({
    id: 'shape:marker',
    parentId: 'page:page',
    x: 0,
    y: 0,
    index: 'a9',
    text: 'marker',
  })
  boardRecords(writer.doc).set(marker.id, marker)
  await waitFor(() => boardRecords(observer.doc).has(marker.id))
}

/** A retro: regions laid out (fixed for participants), an anonymous setting, phases. */
async function retro(): Promise<string> {
  return createRoom(shared.server, 'Hostile retro', {
    template: 'retro',
    options: { format: 'start-stop-continue' },
  })
}

describe('writes decided by effect (real server)', () => {
  it('[sync:R5] deleted content landing on server-owned keys deletes nothing: locks, settings, plan, workshop stay', async () => {
    const roomId = await retro()
    const mallory = shared.client(roomId, { token: tokensOf(roomId).facilitator })
    const observer = shared.client(roomId)
    await Promise.all([mallory.whenSynced(), observer.whenSynced()])
    const before = JSON.stringify(observer.doc.getMap(STATE).toJSON())
    const keys = [...mallory.doc.getMap(STATE).keys()]
    expect(keys).toEqual(expect.arrayContaining(['locks', 'settings', 'plan', 'workshop']))
    // A fresh client id per struct, each used once: the attack as reported.
    keys.forEach((key, i) => {
      const update = deletedContentAfter(currentItem(mallory.doc, STATE, key), 900_000 + i)
      sendUpdate(mallory, update)
    })
    await honestWriteSeen(mallory, observer)
    expect(JSON.stringify(observer.doc.getMap(STATE).toJSON())).toBe(before)
    const late = shared.client(roomId)
    await late.whenSynced()
    expect(JSON.stringify(late.doc.getMap(STATE).toJSON())).toBe(before)
  })

  it('[fac:L2] deleted content landing on a template’s fixed layout deletes nothing', async () => {
    const roomId = await retro()
    const mallory = shared.client(roomId)
    const observer = shared.client(roomId)
    await Promise.all([mallory.whenSynced(), observer.whenSynced()])
    const layout = (mallory.doc.getMap(STATE).get('locks') as { layout: string[] }).layout
    expect(layout.length).toBeGreaterThan(0)
    layout.forEach((id, i) => {
      sendUpdate(
        mallory,
        deletedContentAfter(currentItem(mallory.doc, 'tldraw:records', id), 800_000 + i),
      )
    })
    await honestWriteSeen(mallory, observer)
    for (const id of layout) expect(boardRecords(observer.doc).has(id)).toBe(true)
  })

  it('[wsp:W1] tldraw’s schema record and other roots are refused, even from the facilitator', async () => {
    const roomId = await createRoom(shared.server)
    const mallory = shared.client(roomId, { token: tokensOf(roomId).facilitator })
    const observer = shared.client(roomId)
    await Promise.all([mallory.whenSynced(), observer.whenSynced()])
    const schema = JSON.stringify(observer.doc.getMap('tldraw:meta').get('schema'))
    expect(schema).toContain('schemaVersion')
    mallory.doc.getMap('tldraw:meta').set('schema', { schemaVersion: 2, sequences: {} })
    mallory.doc.getMap('anything').set('k', 'v')
    await honestWriteSeen(mallory, observer)
    expect(JSON.stringify(observer.doc.getMap('tldraw:meta').get('schema'))).toBe(schema)
    expect(observer.doc.share.has('anything')).toBe(false)
  })

  it('[wsp:W2] records tldraw refuses, nested types and ids under another key are refused; /metrics counts them', async () => {
    const roomId = await createRoom(shared.server)
    const mallory = shared.client(roomId)
    const observer = shared.client(roomId)
    await Promise.all([mallory.whenSynced(), observer.whenSynced()])
    const note = noteShape({
      id: 'shape:ok',
      parentId: 'page:page',
      x: 0,
      y: 0,
      index: 'a9',
      text: 'ok',
    })
    const records = boardRecords(mallory.doc) as unknown as Y.Map<unknown>
    records.set('shape:bad-color', {
      ...note,
      id: 'shape:bad-color',
      props: { ...note.props, color: 'plaid' },
    })
    records.set('shape:other-id', note)
    records.set('user:mallory', { id: 'user:mallory', typeName: 'user', name: 'Mallory' })
    records.set('shape:nested', new Y.Map())
    records.set(note.id, note)
    await waitFor(() => boardRecords(observer.doc).has(note.id))
    for (const id of ['shape:bad-color', 'shape:other-id', 'user:mallory', 'shape:nested']) {
      expect(boardRecords(observer.doc).has(id)).toBe(false)
    }
    const metrics = await (await fetch(`${shared.server.url}/metrics`)).text()
    expect(metrics).toMatch(/accord_refusals_total\{reason="invalid_record"\} [1-9]/)
    expect(metrics).toMatch(/accord_refusals_total\{reason="nested_record"\} [1-9]/)
  })
})

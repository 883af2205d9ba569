import { ROOM_STATE_MAP } from '@accord/facilitation'
import { describeWrites, type RootWrite } from '@accord/sync'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { boardWritePolicy } from './write-policy.js'

/** A room document with a frame holding a note, and a loose note. */
function room(locks: { board: boolean; frames: string[] }, boardEditing = true) {
  const doc = new Y.Doc()
  const records = doc.getMap('tldraw:records')
  records.set('shape:frame', { id: 'shape:frame', parentId: 'page:page' })
  records.set('shape:in', { id: 'shape:in', parentId: 'shape:frame' })
  records.set('shape:loose', { id: 'shape:loose', parentId: 'page:page' })
  const rules = { boardEditing, privateWriting: false, reveal: 'none', voting: true }
  doc.getMap(ROOM_STATE_MAP).set('locks', locks)
  doc
    .getMap(ROOM_STATE_MAP)
    .set('plan', { phases: [{ id: 'p', name: 'P', instructions: '', rules }], currentIndex: 0 })
  return doc
}

/** What a client in sync with `doc` would send for `change`. */
function writesOf(doc: Y.Doc, change: (client: Y.Doc) => void): readonly RootWrite[] {
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(doc))
  const before = Y.encodeStateVector(client)
  change(client)
  const described = describeWrites(doc, Y.encodeStateAsUpdate(client, before))
  if (!described.ok) throw new Error(described.error)
  return described.value
}

const move = (id: string, parentId: string) => (client: Y.Doc) =>
  client.getMap('tldraw:records').set(id, { id, parentId, x: 10 })

describe('boardWritePolicy', () => {
  it('[R5] nobody, not even the facilitator, writes server-owned state directly', () => {
    const doc = room({ board: false, frames: [] })
    const forged = writesOf(doc, (client) =>
      client.getMap(ROOM_STATE_MAP).set('locks', { board: false, frames: [] }),
    )
    expect(boardWritePolicy('facilitator')(forged, doc).ok).toBe(false)
    expect(boardWritePolicy('participant')(forged, doc).ok).toBe(false)
  })

  it('[L2] a participant cannot change a locked frame’s content; the facilitator can', () => {
    const doc = room({ board: false, frames: ['shape:frame'] })
    const writes = writesOf(doc, move('shape:in', 'shape:frame'))
    expect(boardWritePolicy('participant')(writes, doc)).toEqual({
      ok: false,
      error: 'this part of the board is locked by the facilitator',
    })
    expect(boardWritePolicy('facilitator')(writes, doc).ok).toBe(true)
    expect(
      boardWritePolicy('participant')(writesOf(doc, move('shape:loose', 'page:page')), doc).ok,
    ).toBe(true)
    expect(
      boardWritePolicy('participant')(writesOf(doc, move('shape:loose', 'shape:frame')), doc).ok,
    ).toBe(false)
    const deletion = writesOf(doc, (client) => client.getMap('tldraw:records').delete('shape:in'))
    expect(boardWritePolicy('participant')(deletion, doc).ok).toBe(false)
  })

  it('[L1] a locked board, or a phase without board editing, freezes it for participants', () => {
    for (const doc of [
      room({ board: true, frames: [] }),
      room({ board: false, frames: [] }, false),
    ]) {
      const writes = writesOf(doc, move('shape:loose', 'page:page'))
      expect(boardWritePolicy('participant')(writes, doc).ok).toBe(false)
      expect(boardWritePolicy('facilitator')(writes, doc).ok).toBe(true)
    }
  })

  it('refuses nested types inside board records', () => {
    const doc = room({ board: false, frames: [] })
    const writes = writesOf(doc, (client) =>
      client.getMap('tldraw:records').set('shape:x', new Y.Map()),
    )
    // The entry itself is a set of a nested type; anything written inside it is nested.
    const nested = writesOf(doc, (client) => {
      const inner = new Y.Map()
      client.getMap('tldraw:records').set('shape:y', inner)
      inner.set('k', 1)
    })
    expect(boardWritePolicy('facilitator')(nested, doc).ok).toBe(false)
    expect(writes.length).toBeGreaterThan(0)
  })

  it('reports each refusal’s reason, for /metrics', () => {
    const reasons: string[] = []
    const policy = (role: 'facilitator' | 'participant') =>
      boardWritePolicy(role, (reason) => reasons.push(reason))
    const doc = room({ board: false, frames: ['shape:frame'] })
    policy('participant')(
      writesOf(doc, (client) => client.getMap(ROOM_STATE_MAP).set('locks', {})),
      doc,
    )
    const nested = writesOf(doc, (client) => {
      const inner = new Y.Map()
      client.getMap('tldraw:records').set('shape:z', inner)
      inner.set('k', 1)
    })
    policy('facilitator')(nested, doc)
    policy('participant')(writesOf(doc, move('shape:in', 'shape:frame')), doc)
    policy('participant')(writesOf(doc, move('shape:loose', 'page:page')), doc)
    expect(reasons).toEqual(['server_owned', 'nested_record', 'locked'])
  })
})

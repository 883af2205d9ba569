import { ROOM_STATE_MAP } from '@accord/facilitation'
import { describeWrites, type RootWrite } from '@accord/sync'
import { handBuiltUpdate } from '@accord/sync/testing'
import { baseBoardRecords, boardSchema, FIRST_PAGE_ID, noteRecord } from '@accord/tldraw-yjs'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { boardWritePolicy, type WriteRefusal } from './write-policy.js'

const RECORDS = 'tldraw:records'

function frameRecord(id: string) {
  return {
    id,
    typeName: 'shape',
    type: 'frame',
    x: 0,
    y: 0,
    rotation: 0,
    index: 'a1',
    parentId: FIRST_PAGE_ID,
    isLocked: false,
    opacity: 1,
    meta: {},
    props: { w: 400, h: 300, name: 'Frame', color: 'black' },
  }
}

const note = (id: string, parentId: string, x = 0) =>
  noteRecord({ id, text: id, x, y: 0, parentId, index: 'a2', color: 'yellow', author: null })

/** A room document with a frame holding a note, and a loose note. */
function room(locks: { board: boolean; frames: string[] }, boardEditing = true) {
  const doc = new Y.Doc()
  const records = doc.getMap(RECORDS)
  for (const record of baseBoardRecords()) records.set(record.id, record)
  records.set('shape:frame', frameRecord('shape:frame'))
  records.set('shape:in', note('shape:in', 'shape:frame'))
  records.set('shape:loose', note('shape:loose', FIRST_PAGE_ID))
  doc.getMap('tldraw:meta').set('schema', boardSchema())
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
  client.getMap(RECORDS).set(id, note(id, parentId, 10))

/**
 * One struct as a modified client writes it: content deleted, its origin the key's current
 * item, no delete set. Integrated, it becomes the key's newest entry and so deletes its value.
 */
function deletedContentOver(doc: Y.Doc, root: string, key: string): Uint8Array {
  const current = (doc.getMap(root) as unknown as { _map: Map<string, Y.Item> })._map.get(key)
  if (!current) throw new Error(`no ${root}.${key}`)
  const place = { origin: current.lastId }
  return handBuiltUpdate([
    { client: 99, clock: 0, structs: [{ kind: 'item', place, content: new Y.ContentDeleted(1) }] },
  ])
}

function describe_(doc: Y.Doc, update: Uint8Array): readonly RootWrite[] {
  const described = describeWrites(doc, update)
  if (!described.ok) throw new Error(described.error)
  return described.value
}

describe('boardWritePolicy', () => {
  it('[sync:R5] nobody, not even the facilitator, writes server-owned state directly', () => {
    const doc = room({ board: false, frames: [] })
    const forged = writesOf(doc, (client) =>
      client.getMap(ROOM_STATE_MAP).set('locks', { board: false, frames: [] }),
    )
    expect(boardWritePolicy('facilitator')(forged, doc).ok).toBe(false)
    expect(boardWritePolicy('participant')(forged, doc).ok).toBe(false)
  })

  it('[sync:R5] deleted content landing on a server-owned key is a deletion of it, and refused', () => {
    const doc = room({ board: false, frames: [] })
    for (const key of ['locks', 'plan']) {
      const writes = describe_(doc, deletedContentOver(doc, ROOM_STATE_MAP, key))
      expect(writes).toContainEqual(
        expect.objectContaining({ kind: 'delete', root: ROOM_STATE_MAP, key }),
      )
      expect(boardWritePolicy('facilitator')(writes, doc).ok).toBe(false)
    }
    // Applied anyway, it would indeed remove the key: what the policy stands between.
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    Y.applyUpdate(copy, deletedContentOver(doc, ROOM_STATE_MAP, 'locks'))
    expect(copy.getMap(ROOM_STATE_MAP).has('locks')).toBe(false)
  })

  it('[fac:L2] deleted content landing on a locked shape is refused for a participant', () => {
    const doc = room({ board: false, frames: ['shape:frame'] })
    const writes = describe_(doc, deletedContentOver(doc, RECORDS, 'shape:in'))
    expect(boardWritePolicy('participant')(writes, doc).ok).toBe(false)
    const free = describe_(doc, deletedContentOver(doc, RECORDS, 'shape:loose'))
    expect(boardWritePolicy('participant')(free, doc).ok).toBe(true)
  })

  it('[wsp:W1] a board entry naming a right neighbour is refused: Y.Map never writes one', () => {
    const doc = room({ board: false, frames: [] })
    const loose = (doc.getMap(RECORDS) as unknown as { _map: Map<string, Y.Item> })._map.get(
      'shape:loose',
    )
    if (!loose) throw new Error('no loose note')
    const value = note('shape:loose', FIRST_PAGE_ID, 50)
    const entry = (place: object) =>
      handBuiltUpdate([
        {
          client: 98,
          clock: 0,
          structs: [{ kind: 'item', place, content: new Y.ContentAny([value]) }],
        },
      ])
    const honest = describe_(doc, entry({ origin: loose.lastId }))
    expect(boardWritePolicy('facilitator')(honest, doc).ok).toBe(true)
    for (const place of [
      { rightOrigin: loose.lastId },
      { origin: loose.lastId, rightOrigin: loose.lastId },
    ]) {
      expect(boardWritePolicy('facilitator')(describe_(doc, entry(place)), doc).ok).toBe(false)
    }
  })

  it('[fac:L2] a participant cannot change a locked frame’s content; the facilitator can', () => {
    const doc = room({ board: false, frames: ['shape:frame'] })
    const writes = writesOf(doc, move('shape:in', 'shape:frame'))
    expect(boardWritePolicy('participant')(writes, doc)).toEqual({
      ok: false,
      error: 'this part of the board is locked by the facilitator',
    })
    expect(boardWritePolicy('facilitator')(writes, doc).ok).toBe(true)
    expect(
      boardWritePolicy('participant')(writesOf(doc, move('shape:loose', FIRST_PAGE_ID)), doc).ok,
    ).toBe(true)
    expect(
      boardWritePolicy('participant')(writesOf(doc, move('shape:loose', 'shape:frame')), doc).ok,
    ).toBe(false)
    const deletion = writesOf(doc, (client) => client.getMap(RECORDS).delete('shape:in'))
    expect(boardWritePolicy('participant')(deletion, doc).ok).toBe(false)
  })

  it('[fac:AI5] nobody writes a note’s action item but the server; the rest of the note is theirs', () => {
    const doc = room({ board: false, frames: [] })
    const records = doc.getMap(RECORDS)
    const stored = { ownerId: 'm', ownerName: 'Ada', due: null, status: 'open', id: 'AI-1' }
    const owned = (record: object, action: object | undefined) => {
      const { meta, ...rest } = record as { meta: Record<string, unknown> }
      return { ...rest, meta: action === undefined ? {} : { ...meta, action } }
    }
    records.set('shape:loose', owned(note('shape:loose', FIRST_PAGE_ID), stored))
    const write = (action: object | undefined, x = 0) =>
      writesOf(doc, (client) =>
        client
          .getMap(RECORDS)
          .set('shape:loose', owned(note('shape:loose', FIRST_PAGE_ID, x), action)),
      )
    const refused = {
      ok: false,
      error: "a note's action item changes through the action.set command, not the board",
    }
    for (const role of ['participant', 'facilitator'] as const) {
      const policy = boardWritePolicy(role)
      expect(policy(write({ ...stored, status: 'done' }), doc)).toEqual(refused)
      expect(policy(write({ ...stored, ownerName: 'Mallory' }), doc)).toEqual(refused)
      expect(policy(write(undefined), doc)).toEqual(refused) // taking it off
      // Moving the note (its action item as it was, in any key order) is theirs to do.
      const reordered = Object.fromEntries(Object.entries(stored).reverse())
      expect(policy(write(reordered, 40), doc).ok).toBe(true)
      // A new note cannot arrive as an action item either.
      const fresh = writesOf(doc, (client) =>
        client.getMap(RECORDS).set('shape:new', owned(note('shape:new', FIRST_PAGE_ID), stored)),
      )
      expect(policy(fresh, doc)).toEqual(refused)
    }
  })

  it('[fac:L1] a locked board, or a phase without board editing, freezes it for participants', () => {
    for (const doc of [
      room({ board: true, frames: [] }),
      room({ board: false, frames: [] }, false),
    ]) {
      const writes = writesOf(doc, move('shape:loose', FIRST_PAGE_ID))
      expect(boardWritePolicy('participant')(writes, doc).ok).toBe(false)
      expect(boardWritePolicy('facilitator')(writes, doc).ok).toBe(true)
    }
  })

  it('[wsp:W1] only the board records are writable: not tldraw’s schema record, nor any other root', () => {
    const doc = room({ board: false, frames: [] })
    for (const change of [
      (client: Y.Doc) => client.getMap('tldraw:meta').set('schema', { broken: true }),
      (client: Y.Doc) => client.getMap('anything').set('k', 1),
      (client: Y.Doc) => client.getText('notes').insert(0, 'hi'),
      (client: Y.Doc) => client.getArray(RECORDS).insert(0, [1]),
    ]) {
      expect(boardWritePolicy('facilitator')(writesOf(doc, change), doc).ok).toBe(false)
    }
  })

  it('[wsp:W2] board records are valid tldraw records under their own id, as plain values', () => {
    const doc = room({ board: false, frames: [] })
    const refused = (change: (client: Y.Doc) => void) =>
      boardWritePolicy('facilitator')(writesOf(doc, change), doc)
    const set = (key: string, value: unknown) => (client: Y.Doc) =>
      client.getMap(RECORDS).set(key, value)
    expect(refused(set('shape:x', new Y.Map())).ok).toBe(false)
    expect(refused(set('shape:x', { ...note('shape:x', FIRST_PAGE_ID), x: 'far' })).ok).toBe(false)
    expect(refused(set('shape:x', note('shape:y', FIRST_PAGE_ID))).ok).toBe(false)
    expect(refused(set('user:ada', { id: 'user:ada', typeName: 'user', name: 'Ada' })).ok).toBe(
      false,
    )
    expect(
      refused(set('camera:1', { id: 'camera:1', typeName: 'camera', x: 0, y: 0, z: 1 })).ok,
    ).toBe(false)
    expect(refused(set('shape:x', { ...note('shape:x', FIRST_PAGE_ID), extra: 1 })).ok).toBe(false)
    expect(refused(set('shape:x', new Uint8Array(4))).ok).toBe(false)
    expect(refused(set('shape:x', note('shape:x', FIRST_PAGE_ID))).ok).toBe(true)
  })

  it('[wsp:W2] a record over the size bound is refused', () => {
    const doc = room({ board: false, frames: [] })
    const big = noteRecord({
      ...{ id: 'shape:big', x: 0, y: 0, parentId: FIRST_PAGE_ID, index: 'a3' },
      ...{ color: 'yellow', author: null, text: 'x'.repeat(5000) },
    })
    const writes = writesOf(doc, (client) => client.getMap(RECORDS).set('shape:big', big))
    expect(boardWritePolicy('facilitator', { maxRecordBytes: 4096 })(writes, doc).ok).toBe(false)
    expect(boardWritePolicy('facilitator', { maxRecordBytes: 8192 })(writes, doc).ok).toBe(true)
  })

  it('reports each refusal’s reason, for /metrics', () => {
    const reasons: WriteRefusal[] = []
    const policy = (role: 'facilitator' | 'participant') =>
      boardWritePolicy(role, { onRefused: (reason) => reasons.push(reason) })
    const doc = room({ board: false, frames: ['shape:frame'] })
    policy('participant')(
      writesOf(doc, (client) => client.getMap(ROOM_STATE_MAP).set('locks', {})),
      doc,
    )
    policy('facilitator')(
      writesOf(doc, (client) => client.getMap('tldraw:meta').set('schema', {})),
      doc,
    )
    const nested = writesOf(doc, (client) => {
      const inner = new Y.Map()
      client.getMap(RECORDS).set('shape:z', inner)
      inner.set('k', 1)
    })
    policy('facilitator')(nested, doc)
    policy('facilitator')(
      writesOf(doc, (client) => client.getMap(RECORDS).set('shape:q', { id: 'shape:q' })),
      doc,
    )
    policy('participant')(writesOf(doc, move('shape:in', 'shape:frame')), doc)
    policy('participant')(writesOf(doc, move('shape:loose', FIRST_PAGE_ID)), doc)
    expect(reasons).toEqual([
      'server_owned',
      'not_board',
      'nested_record',
      'invalid_record',
      'locked',
    ])
  })
})

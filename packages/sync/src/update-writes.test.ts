import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { handBuiltUpdate } from './testing/hand-built-update.js'
import { describeWrites } from './update-writes.js'

/** A server doc and a client that starts in sync with it. */
function pair(setup: (doc: Y.Doc) => void = () => {}) {
  const server = new Y.Doc()
  setup(server)
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  return { server, client }
}

/** What the client changes after this point, as the server would receive it. */
function changes(server: Y.Doc, client: Y.Doc, change: () => void) {
  const before = Y.encodeStateVector(server)
  change()
  const update = Y.encodeStateAsUpdate(client, before)
  const described = describeWrites(server, update)
  if (!described.ok) throw new Error(described.error)
  return described.value
}

describe('describeWrites', () => {
  it('names the root map and key of a new entry, with its value', () => {
    const { server, client } = pair()
    const writes = changes(server, client, () => client.getMap('records').set('shape:a', { x: 1 }))
    expect(writes).toEqual([
      {
        kind: 'set',
        root: 'records',
        key: 'shape:a',
        nested: false,
        value: { x: 1 },
        opaque: false,
        rightOrigin: false,
      },
    ])
  })

  it('resolves an overwrite, which Yjs sends with no parent, through the old entry', () => {
    const { server, client } = pair((doc) => doc.getMap('records').set('shape:a', { x: 1 }))
    const writes = changes(server, client, () => client.getMap('records').set('shape:a', { x: 2 }))
    expect(writes).toContainEqual({
      kind: 'set',
      root: 'records',
      key: 'shape:a',
      nested: false,
      value: { x: 2 },
      opaque: false,
      rightOrigin: false,
    })
    // The overwritten entry is deleted, and described with what it held.
    expect(writes).toContainEqual({
      kind: 'delete',
      root: 'records',
      key: 'shape:a',
      nested: false,
      value: { x: 1 },
      opaque: false,
      rightOrigin: false,
    })
  })

  it('describes a deleted entry with the value it held', () => {
    const { server, client } = pair((doc) => doc.getMap('records').set('shape:a', { x: 1 }))
    const writes = changes(server, client, () => client.getMap('records').delete('shape:a'))
    expect(writes).toEqual([
      {
        kind: 'delete',
        root: 'records',
        key: 'shape:a',
        nested: false,
        value: { x: 1 },
        opaque: false,
        rightOrigin: false,
      },
    ])
  })

  it('follows nested types to their root, whether new or already in the document', () => {
    const { server, client } = pair((doc) => doc.getMap('state').set('inner', new Y.Map()))
    const writes = changes(server, client, () => {
      ;(client.getMap('state').get('inner') as Y.Map<number>).set('k', 1)
      const fresh = new Y.Map<Y.Map<number>>()
      client.getMap('other').set('made-here', fresh)
      const deeper = new Y.Map<number>()
      fresh.set('deeper', deeper)
      deeper.set('k', 2)
    })
    expect(writes).toContainEqual({
      kind: 'set',
      root: 'state',
      key: null,
      nested: true,
      value: 1,
      opaque: false,
      rightOrigin: false,
    })
    expect(writes).toContainEqual({
      kind: 'set',
      root: 'other',
      key: 'made-here',
      nested: false,
      value: undefined,
      opaque: true,
      rightOrigin: false,
    })
    expect(writes).toContainEqual({
      kind: 'set',
      root: 'other',
      key: null,
      nested: true,
      value: 2,
      opaque: false,
      rightOrigin: false,
    })
  })

  it('describes sequence content with no key', () => {
    const { server, client } = pair((doc) => doc.getText('t').insert(0, 'ab'))
    const writes = changes(server, client, () => {
      client.getText('t').insert(1, 'X')
      client.getText('t').delete(0, 1)
    })
    expect(writes).toContainEqual(
      expect.objectContaining({ kind: 'set', root: 't', key: null, nested: false }),
    )
    expect(writes).toContainEqual(expect.objectContaining({ kind: 'delete', root: 't', key: null }))
  })

  it('refuses an update that builds on content the server does not have', () => {
    const { server } = pair()
    const elsewhere = new Y.Doc()
    elsewhere.getMap('records').set('shape:a', { x: 1 })
    const sv = Y.encodeStateVector(elsewhere)
    elsewhere.getMap('records').set('shape:a', { x: 2 }) // refers to the entry the server lacks
    const described = describeWrites(server, Y.encodeStateAsUpdate(elsewhere, sv))
    expect(described.ok).toBe(false)
  })

  it('does not describe deleting what is already deleted', () => {
    const { server, client } = pair((doc) => {
      doc.getMap('records').set('gone', 1)
      doc.getMap('records').delete('gone')
    })
    const update = Y.encodeStateAsUpdate(client) // carries the whole delete set again
    expect(describeWrites(server, update)).toEqual({ ok: true, value: [] })
  })

  it('does not describe content the document already has (a client re-sending its state)', () => {
    const { server, client } = pair((doc) => doc.getMap('accord:room').set('phase', 2))
    client.getMap('records').set('mine', 1)
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client))
    expect(describeWrites(server, Y.encodeStateAsUpdate(client))).toEqual({ ok: true, value: [] })
  })

  it('places long chains of an update’s own items: what a client sends after working offline', () => {
    // Each push continues the previous one and each overwrite names only the entry before it:
    // chains hundreds long, all inside one update. A depth limit here once refused them.
    const { server, client } = pair()
    const writes = changes(server, client, () => {
      for (let i = 0; i < 500; i++) {
        client.getArray('items').push([i])
        client.getMap('m').set('dragged', i)
        client.getText('t').insert(0, 'x')
      }
    })
    expect(writes.filter((write) => write.root === 'items')).toHaveLength(500)
    // Every overwritten value reaches the server as deleted content: each is described too.
    const dragged = writes.filter((write) => write.key === 'dragged')
    expect(dragged.filter((write) => write.kind === 'set')).toHaveLength(1)
    expect(dragged.length).toBeGreaterThanOrEqual(500)
    expect(dragged.every((write) => write.root === 'm' && !write.nested)).toBe(true)
    expect(writes.filter((write) => write.root === 't')).toHaveLength(500)
  })

  it('places children of a nested type created in the same update, however deep the chain', () => {
    const { server, client } = pair()
    const writes = changes(server, client, () => {
      const inner = new Y.Map<number>()
      client.getMap('records').set('shape:nested', inner)
      // Each overwrite names only the entry before it; the first names the nested type.
      for (let i = 0; i < 200; i++) inner.set('x', i)
    })
    const nested = writes.filter((write) => write.nested)
    expect(nested).toContainEqual({
      kind: 'set',
      root: 'records',
      key: null,
      nested: true,
      value: 199,
      opaque: false,
      rightOrigin: false,
    })
    expect(nested.every((write) => write.root === 'records' && write.key === null)).toBe(true)
  })

  describe('hand-built structs, as a modified client writes them', () => {
    const currentItem = (doc: Y.Doc, root: string, key: string) => {
      const item = (doc.getMap(root) as unknown as { _map: Map<string, Y.Item> })._map.get(key)
      if (!item) throw new Error(`no ${root}.${key}`)
      return item
    }
    const one = (place: object, content: Y.Item['content']) =>
      handBuiltUpdate([{ client: 7, clock: 0, structs: [{ kind: 'item', place, content }] }])
    const described = (server: Y.Doc, update: Uint8Array) => {
      const result = describeWrites(server, update)
      if (!result.ok) throw new Error(result.error)
      return result.value
    }

    it('deleted content placed on a key is a deletion of that key — as applying it shows', () => {
      const { server } = pair((doc) => doc.getMap('accord:room').set('locks', { board: true }))
      const update = one(
        { origin: currentItem(server, 'accord:room', 'locks').lastId },
        new Y.ContentDeleted(1),
      )
      expect(described(server, update)).toEqual([
        {
          kind: 'delete',
          root: 'accord:room',
          key: 'locks',
          nested: false,
          value: undefined,
          opaque: false,
          rightOrigin: false,
        },
      ])
      Y.applyUpdate(server, update)
      expect(server.getMap('accord:room').has('locks')).toBe(false)
    })

    it('any content other than one value is opaque, wherever it is placed', () => {
      const { server } = pair()
      const contents: Y.Item['content'][] = [
        new Y.ContentString('text'),
        new Y.ContentEmbed({ image: 'x' }),
        new Y.ContentFormat('bold', true),
        new Y.ContentBinary(new Uint8Array([1, 2])),
        new Y.ContentJSON([{ legacy: true }]),
        new Y.ContentAny([1, 2]),
        new Y.ContentType(new Y.Map()),
        new Y.ContentDoc(new Y.Doc()),
      ]
      for (const content of contents) {
        const writes = described(server, one({ parent: 'records', parentSub: 'shape:a' }, content))
        expect(writes).toEqual([
          expect.objectContaining({ kind: 'set', root: 'records', key: 'shape:a', opaque: true }),
        ])
      }
    })

    it('garbage-collected and skipped structs change nothing', () => {
      const { server } = pair()
      const update = handBuiltUpdate([
        {
          client: 7,
          clock: 0,
          structs: [
            { kind: 'gc', length: 3 },
            { kind: 'skip', length: 2 },
          ],
        },
      ])
      expect(described(server, update)).toEqual([])
    })

    it('a delete set naming another writer’s item describes deleting it', () => {
      const { server } = pair((doc) => doc.getMap('accord:room').set('plan', { phases: [] }))
      const item = currentItem(server, 'accord:room', 'plan')
      const update = handBuiltUpdate([], [{ client: item.id.client, clock: item.id.clock, len: 1 }])
      expect(described(server, update)).toEqual([
        expect.objectContaining({ kind: 'delete', root: 'accord:room', key: 'plan' }),
      ])
    })
  })
})

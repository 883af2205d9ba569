/**
 * Updates a modified client could send, built struct by struct (`handBuiltUpdate`): every content
 * kind Yjs can encode, GC and Skip structs, origins and parents pointing at server-owned keys,
 * locked shapes, other writers' items, nested types and nowhere, random delete sets, and records
 * valid, invalid or written under another id. Some are allowed (a valid note on a free key), so a
 * run also changes the board the way an honest participant could.
 */
import { type HandBuiltStruct, handBuiltUpdate, type StructPlace } from '@accord/sync/testing'
import { FIRST_PAGE_ID, noteRecord } from '@accord/tldraw-yjs'
import * as Y from 'yjs'
import { META, RECORDS, ROOM_STATE } from './board-under-attack.js'
import type { Rng } from './rng.js'

/** Item ids of the room's document worth aiming at, gathered from it. */
export interface Targets {
  /** Every item, current or overwritten, of every root (their first and last ids). */
  readonly ids: readonly Y.ID[]
  /** Items holding nested types, if any got in (they never should). */
  readonly typeIds: readonly Y.ID[]
  /** Keys in use, per root. */
  readonly keys: ReadonlyMap<string, readonly string[]>
}

const ROOTS = [RECORDS, ROOM_STATE, META, 'accord:private', 'tldraw', 'm', '', 'constructor']

export function targetsIn(doc: Y.Doc): Targets {
  const ids: Y.ID[] = []
  const typeIds: Y.ID[] = []
  const keys = new Map<string, string[]>()
  for (const [name, type] of doc.share) {
    keys.set(name, [...type._map.keys()])
    const items: Y.Item[] = []
    for (const item of type._map.values()) {
      for (let at: Y.Item | null = item; at !== null && items.length < 400; at = at.left) {
        items.push(at)
      }
    }
    for (let at = type._start; at !== null && items.length < 400; at = at.right) items.push(at)
    for (const item of items) {
      ids.push(item.id, item.lastId)
      if (item.content instanceof Y.ContentType) typeIds.push(item.id)
    }
  }
  return { ids, typeIds, keys }
}

export interface Attacker {
  readonly client: number
  /** The attacker's next clock in the room's document. */
  readonly clock: number
  /** Another writer's client id, to forge. */
  readonly otherClient: number
}

export function hostileUpdate(rng: Rng, targets: Targets, attacker: Attacker): Uint8Array {
  const client = rng.weighted<number>([
    [92, attacker.client],
    [4, attacker.otherClient],
    [4, rng.uint32()],
  ])
  const clock = rng.weighted<number>([
    [86, attacker.clock],
    [5, attacker.clock + 1 + rng.int(5)], // a gap: depends on what the server lacks
    [5, Math.max(0, attacker.clock - 1 - rng.int(3))], // overlaps what it has
    [4, 0],
  ])
  const structs: HandBuiltStruct[] = []
  const count = 1 + rng.int(4)
  let at = clock
  for (let i = 0; i < count; i++) {
    const struct = randomStruct(rng, targets, client, at, i > 0)
    structs.push(struct)
    at += struct.kind === 'item' ? struct.content.getLength() : struct.length
  }
  const deletions = rng.chance(0.4) ? randomDeletions(rng, targets, client, clock) : []
  const clients = rng.chance(0.1) ? [] : [{ client, clock, structs }]
  return handBuiltUpdate(clients, deletions)
}

function randomStruct(
  rng: Rng,
  targets: Targets,
  client: number,
  clock: number,
  chained: boolean,
): HandBuiltStruct {
  const kind = rng.weighted<'item' | 'gc' | 'skip'>([
    [86, 'item'],
    [8, 'gc'],
    [6, 'skip'],
  ])
  if (kind !== 'item') return { kind, length: 1 + rng.int(3) }
  const place = randomPlace(rng, targets, client, clock, chained)
  return { kind: 'item', place, content: randomContent(rng, keyOf(targets, place)) }
}

function randomPlace(
  rng: Rng,
  targets: Targets,
  client: number,
  clock: number,
  chained: boolean,
): StructPlace {
  const anyId = () => (targets.ids.length > 0 ? rng.pick(targets.ids) : Y.createID(1, 0))
  const choice = rng.weighted<string>([
    [34, 'origin'],
    [8, 'right'],
    [6, 'both'],
    [chained ? 10 : 0, 'chain'],
    [24, 'root'],
    [8, 'nested'],
    [6, 'nowhere'],
  ])
  switch (choice) {
    case 'origin':
      return { origin: anyId() }
    case 'right':
      return { rightOrigin: anyId() }
    case 'both':
      return { origin: anyId(), rightOrigin: anyId() }
    case 'chain':
      return { origin: Y.createID(client, clock - 1) }
    case 'root': {
      const parent = rng.pick(ROOTS)
      const keys = targets.keys.get(parent) ?? []
      const parentSub = rng.weighted<string | null>([
        [60, keys.length > 0 ? rng.pick(keys) : 'shape:x'],
        [25, `shape:h${rng.int(40)}`],
        [15, null],
      ])
      return { parent, parentSub }
    }
    case 'nested':
      return {
        parent: targets.typeIds.length > 0 && rng.chance(0.5) ? rng.pick(targets.typeIds) : anyId(),
        parentSub: rng.chance(0.5) ? 'k' : null,
      }
    default:
      return { origin: Y.createID(rng.uint32(), rng.int(1000)) }
  }
}

/** The key a place names directly, to write a record that would be valid there. */
function keyOf(targets: Targets, place: StructPlace): string {
  if (typeof place.parentSub === 'string') return place.parentSub
  const keys = targets.keys.get(RECORDS) ?? []
  return keys.length > 0 ? keys[0]! : 'shape:x'
}

function note(id: string, rng: Rng): Record<string, unknown> {
  return noteRecord({
    id,
    text: `hostile ${rng.int(1000)}`,
    ...{ x: rng.int(2000), y: rng.int(2000), index: `a${1 + rng.int(8)}` },
    parentId: FIRST_PAGE_ID,
    color: 'red',
    author: null,
  }) as unknown as Record<string, unknown>
}

function randomContent(rng: Rng, key: string): Y.Item['content'] {
  const kind = rng.weighted<string>([
    [28, 'deleted'],
    [22, 'valid'],
    [12, 'invalid'],
    [4, 'several'],
    [4, 'string'],
    [4, 'embed'],
    [4, 'format'],
    [4, 'binary'],
    [4, 'json'],
    [10, 'type'],
    [4, 'doc'],
  ])
  switch (kind) {
    case 'deleted':
      return new Y.ContentDeleted(1 + rng.int(3))
    case 'valid':
      return new Y.ContentAny([note(key.startsWith('shape:') ? key : `shape:h${rng.int(40)}`, rng)])
    case 'invalid':
      return new Y.ContentAny([invalidRecord(rng, key)])
    case 'several':
      return new Y.ContentAny([note(key, rng), note(key, rng)])
    case 'string':
      return new Y.ContentString('x'.repeat(1 + rng.int(4)))
    case 'embed':
      return new Y.ContentEmbed({ image: 'data:,' })
    case 'format':
      // A format's value may be null (ending it); Yjs types it as an object.
      return new Y.ContentFormat('bold', (rng.chance(0.5) ? true : null) as unknown as object)
    case 'binary':
      return new Y.ContentBinary(new Uint8Array(1 + rng.int(8)))
    case 'json':
      return new Y.ContentJSON([note(key, rng)])
    case 'type':
      return new Y.ContentType(
        rng.pick([
          () => new Y.Map(),
          () => new Y.Array(),
          () => new Y.Text(),
          () => new Y.XmlFragment(),
        ])(),
      )
    default:
      return new Y.ContentDoc(new Y.Doc({ guid: `sub-${rng.int(100)}` }))
  }
}

function invalidRecord(rng: Rng, key: string): unknown {
  const valid = note(key.startsWith('shape:') ? key : 'shape:h0', rng)
  return rng.pick<() => unknown>([
    () => ({ ...valid, x: 'far' }),
    () => ({ ...valid, id: 'shape:someone-else' }),
    () => ({ ...valid, extra: true }),
    () => ({ ...valid, props: { ...(valid.props as object), color: 'plaid' } }),
    () => ({ ...valid, typeName: 'instance', id: key }),
    () => ({ id: key, typeName: 'user', name: 'Mallory' }),
    () => ({ id: key, typeName: 'camera', x: 0, y: 0, z: 1, meta: {} }),
    () => ({ schemaVersion: 2, storeVersion: 4, recordVersions: {} }),
    () => null,
    () => 42,
    () => [valid],
    () => ({ ...valid, meta: { deep: nested(80) } }),
    () => new Uint8Array([1, 2, 3]),
    () => undefined,
  ])()
}

function nested(depth: number): unknown {
  let value: unknown = 1
  for (let i = 0; i < depth; i++) value = { v: value }
  return value
}

function randomDeletions(rng: Rng, targets: Targets, client: number, clock: number) {
  const count = 1 + rng.int(3)
  return Array.from({ length: count }, () => {
    if (targets.ids.length > 0 && rng.chance(0.8)) {
      const id = rng.pick(targets.ids)
      return { client: id.client, clock: id.clock, len: 1 + rng.int(2) }
    }
    if (rng.chance(0.5)) return { client, clock: rng.int(clock + 3), len: 1 + rng.int(3) }
    return { client: rng.uint32(), clock: rng.int(100), len: 1 + rng.int(3) }
  })
}

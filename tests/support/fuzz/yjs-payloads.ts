/**
 * Yjs payloads for hostile peers: real updates made by a scratch document (built on what the
 * attacker has seen of the room, so they have real dependencies), updates whose dependencies
 * nobody has, and state vectors.
 *
 * Attackers write to their own roots (`ATTACK_ROOTS`: no writer may write them, the server
 * refuses them all), to the board's records under their own ids (`shape:fz-…`, valid records and
 * invalid ones) and to the server-owned roots — never to an honest client's record
 * (`shape:honest-…`), so that whatever the server accepts from them cannot change what the
 * honest clients must end up with. No attack id contains an honest id's prefix, so no mutation
 * of a few bytes turns one into the other.
 *
 * Update format v1, as hand-written here (see Yjs `UpdateEncoderV1`):
 *   update = varUint(#clients) { varUint(#structs) varUint(client) varUint(clock) struct* }*
 *            deleteSet
 *   struct = item | uint8(0) varUint(length) (GC) | uint8(10) varUint(length) (Skip)
 *   item   = uint8(info: contentRef | 0x80 origin | 0x40 rightOrigin | 0x20 parentSub)
 *            [origin id] [rightOrigin id]
 *            [varUint(1) varString(root) | varUint(0) id]  (only without origins)  [parentSub]
 *            content (ContentAny = ref 8: varUint(n) any*; ContentDeleted = ref 1: varUint(n))
 *   deleteSet = varUint(#clients) { varUint(client) varUint(#ranges) { varUint(clock) varUint(len) }* }*
 */
import { handBuiltUpdate } from '@accord/sync/testing'
import { noteRecord } from '@accord/tldraw-yjs'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { BOARD_PAGE } from '../board-entries.js'
import type { Rng } from './prng.js'

/** Roots of the attackers' own: no writer may write them (not the board's records). */
export const ATTACK_ROOTS = { map: 'fz-map', list: 'fz-list', rich: 'fz-rich' } as const
/**
 * The board's records: one valid tldraw record per id, as a plain value, is allowed; invalid
 * records and nested types are refused.
 */
export const RECORDS_ROOT = 'tldraw:records'
/** Server-owned roots: every client write to them is refused. */
export const SERVER_OWNED_ROOTS = ['accord:room', 'accord:fuzz'] as const

export type AttackTarget =
  'map' | 'list' | 'rich' | 'records' | 'invalid-record' | 'nested-record' | 'server-owned'

const CONTENT_DELETED = 1
const CONTENT_ANY = 8

/** A JSON-ish value of random shape, sometimes large, sometimes awkward. */
export function randomValue(rng: Rng, depth = 0): unknown {
  switch (rng.int(depth > 2 ? 5 : 7)) {
    case 0:
      return rng.int(2 ** 31) * (rng.chance(0.5) ? -1 : 1)
    case 1:
      return rng.pick([true, false, null, 0, -0.5, 1e308, ''])
    case 2:
      return 'x'.repeat(rng.pick([1, 10, 200, 2000]))
    case 3:
      return rng.pick(['ünïcödé ✓', '\u0000\uffff', '\ud83d\ude00', '<script>', '"}{'])
    case 4:
      return String.fromCharCode(...rng.bytes(rng.int(32)))
    case 5:
      return Array.from({ length: rng.int(4) }, () => randomValue(rng, depth + 1))
    default:
      return Object.fromEntries(
        Array.from({ length: rng.int(4) }, (_, i) => [`k${i}`, randomValue(rng, depth + 1)]),
      )
  }
}

/** A copy of what the attacker has seen, writing as `clientId`. */
function authorOf(seen: Y.Doc, clientId: number): Y.Doc {
  const author = new Y.Doc()
  Y.applyUpdate(author, Y.encodeStateAsUpdate(seen))
  // Set after loading: Yjs gives a document a new id when an update carries its own.
  author.clientID = clientId
  return author
}

/**
 * One transaction of edits by `clientId`, made on a copy of `seen` (what the attacker knows of
 * the room): the update Yjs emits for it, so it carries only that transaction's own changes.
 */
export function authoredUpdate(
  rng: Rng,
  seen: Y.Doc,
  clientId: number,
  target: AttackTarget,
): Uint8Array {
  const author = authorOf(seen, clientId)
  let emitted: Uint8Array = new Uint8Array([0, 0])
  author.on('update', (update: Uint8Array) => (emitted = update))
  author.transact(() => edit(rng, author, target))
  author.destroy()
  return emitted
}

function edit(rng: Rng, doc: Y.Doc, target: AttackTarget): void {
  const edits = rng.between(1, 3)
  for (let i = 0; i < edits; i++) {
    switch (target) {
      case 'map':
        editMap(rng, doc.getMap(ATTACK_ROOTS.map))
        break
      case 'list':
        editList(rng, doc.getArray(ATTACK_ROOTS.list))
        break
      case 'rich':
        editText(rng, doc.getText(ATTACK_ROOTS.rich))
        break
      case 'records': {
        const id = `shape:fz-${rng.int(50)}`
        doc.getMap(RECORDS_ROOT).set(id, attackNote(rng, id))
        break
      }
      case 'invalid-record': {
        const [id, record] = invalidRecord(rng)
        doc.getMap(RECORDS_ROOT).set(id, record)
        break
      }
      case 'nested-record': {
        const nested = new Y.Map<unknown>()
        nested.set('props', randomValue(rng))
        doc.getMap(RECORDS_ROOT).set(`shape:fz-nested-${rng.int(50)}`, nested)
        break
      }
      case 'server-owned': {
        const root = rng.pick(SERVER_OWNED_ROOTS)
        if (root === 'accord:room') {
          const key = rng.pick(['phase', 'locks', 'plan', 'timer', 'vote', 'settings', 'fz'])
          doc.getMap('accord:room').set(key, randomValue(rng))
        } else {
          doc.getArray('accord:fuzz').push([randomValue(rng)])
        }
        break
      }
    }
  }
}

/** A valid tldraw note under an attacker's id, carrying an awkward value in its meta. */
export function attackNote(rng: Rng, id: string): Record<string, unknown> {
  const note = noteRecord({
    id,
    text: rng.pick(['fz', 'x'.repeat(rng.int(500)), '<script>', 'ünïcödé ✓']),
    x: rng.int(5000) - 2500,
    y: rng.int(5000) - 2500,
    parentId: BOARD_PAGE,
    index: rng.pick(['a1', 'a2', 'b0Jz', 'Zz']),
    color: 'red',
    author: null,
  })
  return { ...note, meta: { fz: randomValue(rng) } }
}

/** Something at a record id that tldraw (and so the server) refuses, with its id. */
function invalidRecord(rng: Rng): [string, unknown] {
  const id = `shape:fz-bad-${rng.int(50)}`
  const note = attackNote(rng, id)
  switch (rng.int(6)) {
    case 0: // props of no shape
      return [id, { id, typeName: 'shape', props: randomValue(rng) }]
    case 1: // stored under another record's id
      return [id, { ...note, id: `shape:fz-${rng.int(50)}` }]
    case 2: {
      // An id that does not name its type.
      const pageId = `page:fz-${rng.int(50)}`
      return [pageId, { ...note, id: pageId }]
    }
    case 3: // a record of a browser's session, not of the shared board
      return ['camera:fz', { id: 'camera:fz', typeName: 'camera', x: 0, y: 0, z: 1, meta: {} }]
    case 4: // a prop out of range
      return [id, { ...note, opacity: 2, props: { ...(note.props as object), size: 'huge' } }]
    default: // not a record at all
      return [id, randomValue(rng)]
  }
}

function editMap(rng: Rng, map: Y.Map<unknown>): void {
  const key = `k${rng.int(12)}`
  const roll = rng.int(6)
  if (roll === 0 && map.has(key)) map.delete(key)
  else if (roll === 1) map.set(key, new Y.Map([['inner', randomValue(rng)]]))
  else if (roll === 2) map.set(key, Y.Array.from([randomValue(rng), randomValue(rng)] as object[]))
  else if (roll === 3) map.set(key, rng.bytes(rng.int(64)))
  else map.set(key, randomValue(rng))
}

function editList(rng: Rng, list: Y.Array<unknown>): void {
  if (list.length > 0 && rng.chance(0.3)) {
    const at = rng.int(list.length)
    list.delete(at, rng.between(1, Math.min(3, list.length - at)))
    return
  }
  const values = Array.from({ length: rng.between(1, 3) }, () => randomValue(rng))
  list.insert(rng.int(list.length + 1), values)
}

function editText(rng: Rng, text: Y.Text): void {
  if (text.length > 0 && rng.chance(0.3)) {
    const at = rng.int(text.length)
    text.delete(at, rng.between(1, Math.min(10, text.length - at)))
    return
  }
  const attributes = rng.chance(0.3) ? { bold: true, fz: randomValue(rng) } : undefined
  text.insert(rng.int(text.length + 1), `fz${rng.int(1000)} `, attributes)
  if (text.length > 4 && rng.chance(0.2)) text.format(0, rng.int(text.length), { italic: true })
}

/**
 * An update that depends on an earlier one nobody received: the author makes two transactions
 * and only the second is sent, so its clocks start after a gap.
 */
export function clockGapUpdate(
  rng: Rng,
  seen: Y.Doc,
  clientId: number,
  target: AttackTarget,
): Uint8Array {
  const author = authorOf(seen, clientId)
  author.transact(() => edit(rng, author, target))
  let emitted: Uint8Array = new Uint8Array([0, 0])
  author.on('update', (update: Uint8Array) => (emitted = update))
  author.transact(() => edit(rng, author, target))
  author.destroy()
  return emitted
}

export interface LoneItem {
  readonly client: number
  readonly clock: number
  /** A root name, or the id of the nested type holding the item. Omitted when it has an origin. */
  readonly parent?: string | Y.ID
  readonly origin?: Y.ID
  readonly rightOrigin?: Y.ID
  readonly parentSub?: string
  /** Values (`ContentAny`), or content already deleted (`ContentDeleted`) of some length. */
  readonly content: readonly unknown[] | { readonly deleted: number }
}

/** One item, hand-encoded, so that its clock, origins and parent can be anything at all. */
export function loneItemUpdate(item: LoneItem, deletes: readonly DeleteRange[] = []): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 1)
  encoding.writeVarUint(e, 1)
  encoding.writeVarUint(e, item.client)
  encoding.writeVarUint(e, item.clock)
  const origins = item.origin !== undefined || item.rightOrigin !== undefined
  const deleted = 'deleted' in item.content ? item.content.deleted : null
  encoding.writeUint8(
    e,
    (deleted === null ? CONTENT_ANY : CONTENT_DELETED) |
      (item.origin ? 0x80 : 0) |
      (item.rightOrigin ? 0x40 : 0) |
      (item.parentSub !== undefined && !origins ? 0x20 : 0),
  )
  for (const id of [item.origin, item.rightOrigin]) {
    if (!id) continue
    encoding.writeVarUint(e, id.client)
    encoding.writeVarUint(e, id.clock)
  }
  if (!origins) {
    const parent = item.parent ?? ATTACK_ROOTS.list
    if (typeof parent === 'string') {
      encoding.writeVarUint(e, 1)
      encoding.writeVarString(e, parent)
    } else {
      encoding.writeVarUint(e, 0)
      encoding.writeVarUint(e, parent.client)
      encoding.writeVarUint(e, parent.clock)
    }
    if (item.parentSub !== undefined) encoding.writeVarString(e, item.parentSub)
  }
  if (deleted !== null) encoding.writeVarUint(e, deleted)
  else {
    const values = item.content as readonly unknown[]
    encoding.writeVarUint(e, values.length)
    for (const value of values) encoding.writeAny(e, value as encoding.AnyEncodable)
  }
  writeDeleteSet(e, deletes)
  return encoding.toUint8Array(e)
}

/** Runs of garbage-collected (`GC`) or skipped (`Skip`) clocks of one client. */
export function collectedUpdate(
  client: number,
  clock: number,
  runs: readonly { readonly skip: boolean; readonly length: number }[],
): Uint8Array {
  const structs = runs.map((run) => ({
    kind: run.skip ? ('skip' as const) : ('gc' as const),
    length: run.length,
  }))
  return handBuiltUpdate([{ client, clock, structs }])
}

export interface DeleteRange {
  readonly client: number
  readonly clock: number
  readonly length: number
}

/** An update that only deletes: ranges of content that may or may not exist. */
export function deleteOnlyUpdate(ranges: readonly DeleteRange[]): Uint8Array {
  return handBuiltUpdate(
    [],
    ranges.map((range) => ({ client: range.client, clock: range.clock, len: range.length })),
  )
}

function writeDeleteSet(e: encoding.Encoder, ranges: readonly DeleteRange[]): void {
  const byClient = new Map<number, DeleteRange[]>()
  for (const range of ranges)
    byClient.set(range.client, [...(byClient.get(range.client) ?? []), range])
  encoding.writeVarUint(e, byClient.size)
  for (const [client, list] of byClient) {
    encoding.writeVarUint(e, client)
    encoding.writeVarUint(e, list.length)
    for (const range of list) {
      encoding.writeVarUint(e, range.clock)
      encoding.writeVarUint(e, range.length)
    }
  }
}

/** A well-formed state vector: `varUint(n) { varUint(client) varUint(clock) }*`. */
export function stateVector(entries: ReadonlyMap<number, number>): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, entries.size)
  for (const [client, clock] of entries) {
    encoding.writeVarUint(e, client)
    encoding.writeVarUint(e, clock)
  }
  return encoding.toUint8Array(e)
}

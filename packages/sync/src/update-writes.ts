/**
 * What an update would change, worked out before it is applied: for every item it carries and
 * every item it deletes, the root type it belongs to and, for direct entries of a root map, the
 * key. Policies (server-owned state, locked content) decide on this description, so a refused
 * update never touches the document.
 *
 * Every item is described, whatever its content: an item that integrates as the newest entry of a
 * map key replaces — deletes — the key's previous value, even when its own content is deleted
 * (`ContentDeleted`) or is something a policy would never allow. So an item whose content is
 * deleted is described as a deletion at its place, and any content other than one plain value is
 * marked opaque. What an item can change is confined to its place (its parent type and key), so
 * a policy that allows by place and content decides on the whole effect.
 *
 * Yjs writes an item's parent only when it cannot be inferred: an overwritten map entry names
 * just its left neighbour (`origin`), and a nested type's children name the nested type by id.
 * Those references are resolved against the room's document and the update itself.
 */
import * as Y from 'yjs'
import { err, ok, type Result } from './result.js'
import type { DecodedUpdate } from './update-validation.js'

export interface RootWrite {
  readonly kind: 'set' | 'delete'
  /** The root type's name (its key in `doc.share`). */
  readonly root: string
  /** The key, for a direct entry of a root map; null for sequence content and nested types. */
  readonly key: string | null
  /** Inside a type nested in the root, rather than directly in it. */
  readonly nested: boolean
  /**
   * For a set: the value written, when it is one value written the way `Y.Map#set` writes it.
   * For a delete: the value the deleted entry held, when known.
   */
  readonly value: unknown
  /**
   * A set of anything but exactly one value (`ContentAny` of length one): a nested type, text, an
   * embed, a format, binary, a subdocument, legacy JSON, several values. Its `value` is undefined.
   */
  readonly opaque: boolean
  /**
   * The item names a right neighbour (`rightOrigin`). `Y.Map#set` never does: a map entry names
   * only the entry it replaces. Map entries that name right neighbours can integrate differently
   * depending on the order they arrive in, so a board loaded from storage could differ from the
   * one served live.
   */
  readonly rightOrigin: boolean
}

interface Placement {
  readonly root: string
  readonly key: string | null
  readonly nested: boolean
}

type DecodedItem = ReturnType<typeof Y.decodeUpdate>['structs'][number]

/** Describes an update that has already passed `inspectUpdate` (as bytes, or as it decoded). */
export function describeWrites(
  doc: Y.Doc,
  update: Uint8Array | DecodedUpdate,
): Result<RootWrite[], string> {
  const { structs, ds } = update instanceof Uint8Array ? Y.decodeUpdate(update) : update
  const local = indexStructs(structs)
  const places: PlaceCache = new Map()
  const writes: RootWrite[] = []

  for (const struct of structs) {
    // GC structs fill clock ranges and change no content; Skip structs are never integrated.
    if (!(struct instanceof Y.Item)) continue
    // Already in the document (a client re-sending state): applying it changes nothing.
    if (struct.id.clock + struct.length <= Y.getState(doc.store, struct.id.client)) continue
    const placement = placeUpdateItem(doc, local, struct, places)
    if (placement === 'unknown') return err('update depends on content the server does not have')
    if (placement === 'collected') continue // attached to garbage-collected content: no effect
    writes.push(itemWrite(placement, struct))
  }

  for (const [client, ranges] of ds.clients) {
    for (const { clock, len } of ranges) {
      for (const item of itemsInRange(doc, local, client, clock, len)) {
        const placement =
          item.source === 'doc'
            ? placeDocItem(item.item)
            : placeUpdateItem(doc, local, item.item, places)
        if (placement === 'unknown' || placement === 'collected') continue
        writes.push({
          kind: 'delete',
          ...placement,
          value: plainValue(item.item.content),
          opaque: false,
          rightOrigin: false,
        })
      }
    }
  }
  return ok(writes)
}

/** The update's own items, by client, for resolving references among them. */
function indexStructs(structs: ReturnType<typeof Y.decodeUpdate>['structs']) {
  const byClient = new Map<number, Y.Item[]>()
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue
    const list = byClient.get(struct.id.client) ?? []
    list.push(struct)
    byClient.set(struct.id.client, list)
  }
  return byClient
}

function findInUpdate(local: Map<number, Y.Item[]>, id: Y.ID): Y.Item | undefined {
  return local
    .get(id.client)
    ?.find((item) => item.id.clock <= id.clock && id.clock < item.id.clock + item.length)
}

/** The doc's struct at an id (an item, or garbage-collected content), if the doc has it. */
function structInDoc(doc: Y.Doc, id: Y.ID): Y.Item | Y.GC | undefined {
  if (id.clock >= Y.getState(doc.store, id.client)) return undefined
  return Y.getItem(doc.store, id) as Y.Item | Y.GC
}

function findInDoc(doc: Y.Doc, id: Y.ID): Y.Item | 'collected' | undefined {
  const struct = structInDoc(doc, id)
  return struct instanceof Y.GC ? 'collected' : struct
}

type Place = Placement | 'unknown' | 'collected'

/** Places already worked out for the update's items, so that long chains are walked once. */
type PlaceCache = Map<DecodedItem, Place>

/**
 * Where an item of the update sits. It names its parent, or a parent type by id, or only a
 * neighbour; neighbours may be items of the same update, in chains as long as the update (a
 * client that typed or dragged for a while offline sends one such chain). The chain is walked
 * iteratively to something placed — a root, an item of the document, an item placed before —
 * and every item on the way gets its place.
 */
function placeUpdateItem(
  doc: Y.Doc,
  local: Map<number, Y.Item[]>,
  start: DecodedItem,
  cache: PlaceCache,
): Place {
  // Each step records whether it went through a nested type's id (everything below is nested).
  const chain: { readonly item: Y.Item; readonly viaParent: boolean }[] = []
  const onChain = new Set<DecodedItem>()
  let node: DecodedItem = start
  let place: Place
  for (;;) {
    const cached = cache.get(node)
    if (cached !== undefined) {
      place = cached
      break
    }
    if (!(node instanceof Y.Item) || onChain.has(node)) {
      place = 'unknown' // not an item, or references that go round in a circle
      break
    }
    const parent: unknown = node.parent
    if (typeof parent === 'string') {
      place = { root: parent, key: node.parentSub, nested: false }
      cache.set(node, place)
      break
    }
    // A child of a nested type names the type's item; otherwise its neighbour shares its parent
    // (and, for map entries, its key).
    const viaParent = parent instanceof Y.ID
    const nextId = parent instanceof Y.ID ? parent : (node.origin ?? node.rightOrigin)
    chain.push({ item: node, viaParent })
    onChain.add(node)
    if (!nextId) {
      place = 'unknown'
      break
    }
    const next = findInUpdate(local, nextId) ?? findInDoc(doc, nextId)
    if (next === undefined || next === 'collected') {
      place = next ?? 'unknown'
      break
    }
    if (next.parent instanceof Y.AbstractType) {
      place = placeDocItem(next) // integrated in the document: its place is known
      break
    }
    node = next
  }
  for (let i = chain.length - 1; i >= 0; i--) {
    const step = chain[i]!
    if (step.viaParent && typeof place !== 'string') {
      place = { root: place.root, key: null, nested: true }
    }
    cache.set(step.item, place)
  }
  return place
}

/** Where an item already integrated in the document sits. */
function placeDocItem(item: Y.Item): Placement | 'collected' {
  let type = item.parent
  if (!(type instanceof Y.AbstractType)) return 'collected'
  const direct = type._item === null
  while (type._item !== null) {
    const owner: unknown = type._item.parent
    if (!(owner instanceof Y.AbstractType)) return 'collected'
    type = owner
  }
  const root = rootName(type)
  if (root === null) return 'collected'
  return direct ? { root, key: item.parentSub, nested: false } : { root, key: null, nested: true }
}

function rootName(type: Y.AbstractType<unknown>): string | null {
  try {
    return Y.findRootTypeKey(type)
  } catch {
    return null
  }
}

type FoundItem = { source: 'doc' | 'update'; item: Y.Item }

/** Items (from the document, else the update) overlapping a deleted range, not yet deleted. */
function itemsInRange(
  doc: Y.Doc,
  local: Map<number, Y.Item[]>,
  client: number,
  clock: number,
  len: number,
): FoundItem[] {
  const found: FoundItem[] = []
  const end = clock + len
  let at = clock
  while (at < end) {
    const id = Y.createID(client, at)
    const inDoc = structInDoc(doc, id)
    if (inDoc) {
      if (inDoc instanceof Y.Item && !inDoc.deleted) found.push({ source: 'doc', item: inDoc })
      at = inDoc.id.clock + inDoc.length
      continue
    }
    const inUpdate = findInUpdate(local, id)
    if (!inUpdate) break // beyond what anyone has: nothing to describe
    found.push({ source: 'update', item: inUpdate })
    at = inUpdate.id.clock + inUpdate.length
  }
  return found
}

/** What an item of the update does at its place, by its content. */
function itemWrite(placement: Placement, item: Y.Item): RootWrite {
  const rightOrigin = item.rightOrigin !== null
  // Integrating as the key's newest entry, deleted content removes the key's value.
  if (item.content instanceof Y.ContentDeleted) {
    return { kind: 'delete', ...placement, value: undefined, opaque: false, rightOrigin }
  }
  const value = plainValue(item.content)
  return { kind: 'set', ...placement, value, opaque: value === undefined, rightOrigin }
}

/** The one value of a `Y.Map#set`-style item; undefined for any other content. */
function plainValue(content: Y.Item['content']): unknown {
  if (content instanceof Y.ContentAny && content.arr.length === 1) return content.arr[0]
  return undefined
}

/**
 * Updates as a modified client can write them, struct by struct: any content kind, any origin,
 * any parent, any delete set — including combinations the Yjs API never produces. For the write
 * policy's tests and the hostile-update fuzzer.
 *
 * Update format v1: varUint(#clients) { varUint(#structs) varUint(client) varUint(firstClock)
 * struct* }* deleteSet, where deleteSet = varUint(#clients) { varUint(client) varUint(#ranges)
 * { varUint(clock) varUint(len) }* }*.
 */
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

/** Where a struct sits: named by neighbours (origins), or by its parent (a root name or a type's id). */
export interface StructPlace {
  readonly origin?: Y.ID | null
  readonly rightOrigin?: Y.ID | null
  /** A root type's name, or the id of the item holding a nested type; only without origins. */
  readonly parent?: string | Y.ID | null
  /** The map key, with `parent`. */
  readonly parentSub?: string | null
}

export type HandBuiltStruct =
  | { readonly kind: 'item'; readonly place: StructPlace; readonly content: Y.Item['content'] }
  | { readonly kind: 'gc'; readonly length: number }
  | { readonly kind: 'skip'; readonly length: number }

export interface HandBuiltClient {
  readonly client: number
  readonly clock: number
  readonly structs: readonly HandBuiltStruct[]
}

export interface DeletedRange {
  readonly client: number
  readonly clock: number
  readonly len: number
}

export function handBuiltUpdate(
  clients: readonly HandBuiltClient[],
  deletions: readonly DeletedRange[] = [],
): Uint8Array {
  const encoder = new Y.UpdateEncoderV1()
  const rest = encoder.restEncoder
  encoding.writeVarUint(rest, clients.length)
  for (const { client, clock, structs } of clients) {
    encoding.writeVarUint(rest, structs.length)
    encoder.writeClient(client)
    encoding.writeVarUint(rest, clock)
    let at = clock
    for (const struct of structs) {
      at += writeStruct(encoder, client, at, struct)
    }
  }
  const byClient = new Map<number, DeletedRange[]>()
  for (const range of deletions) {
    byClient.set(range.client, [...(byClient.get(range.client) ?? []), range])
  }
  encoding.writeVarUint(rest, byClient.size)
  for (const [client, ranges] of byClient) {
    encoding.writeVarUint(rest, client)
    encoding.writeVarUint(rest, ranges.length)
    for (const range of ranges) {
      encoding.writeVarUint(rest, range.clock)
      encoding.writeVarUint(rest, range.len)
    }
  }
  return encoder.toUint8Array()
}

/** Writes one struct at `clock`; returns its length. */
function writeStruct(
  encoder: Y.UpdateEncoderV1,
  client: number,
  clock: number,
  struct: HandBuiltStruct,
): number {
  if (struct.kind === 'gc') {
    new Y.GC(Y.createID(client, clock), struct.length).write(encoder, 0)
    return struct.length
  }
  if (struct.kind === 'skip') {
    new Y.Skip(Y.createID(client, clock), struct.length).write(encoder, 0)
    return struct.length
  }
  const { place, content } = struct
  const origin = place.origin ?? null
  const rightOrigin = place.rightOrigin ?? null
  // Item.write names the parent only when neither origin is set: as a root name (a string
  // parent written through `ySyncItem`-style info bits) or as the id of a type's item.
  const parentRef = parentFor(place.parent ?? null)
  const item = new Y.Item(
    Y.createID(client, clock),
    null,
    origin,
    null,
    rightOrigin,
    parentRef,
    place.parentSub ?? null,
    content,
  )
  item.write(encoder, 0)
  return item.length
}

/**
 * `Item.write` writes a string parent as a root name, and finds an item parent's id through
 * `parent._item`: a stand-in type carrying just that id is enough.
 */
function parentFor(parent: string | Y.ID | null): Y.AbstractType<unknown> | Y.ID | null {
  if (parent === null) return null
  if (parent instanceof Y.ID) return parent
  return parent as unknown as Y.AbstractType<unknown>
}

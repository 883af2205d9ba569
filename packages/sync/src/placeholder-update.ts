/**
 * A refused update still used up its writer's clock numbers. Yjs applies a client's items only in
 * clock order, so without them every later update from that writer would wait forever — on the
 * server and on every peer. The room therefore applies, stores and relays a placeholder instead:
 * the same clock ranges as garbage-collected structs, with no content.
 *
 * Update format v1 (what this writes):
 *   varUint(#clients) { varUint(#structs) varUint(client) varUint(firstClock)
 *                       { uint8(info) varUint(length) }* }*  deleteSet
 * with info 0 = GC (collected content) and 10 = Skip (a gap this update says nothing about), and
 * an empty delete set: the refused update's deletions are simply not carried out.
 */
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

const GC_INFO = 0
const SKIP_INFO = 10

interface Run {
  readonly clock: number
  readonly length: number
  readonly skip: boolean
}

export function placeholderFor(update: Uint8Array): Uint8Array {
  const { structs } = Y.decodeUpdate(update)
  const byClient = new Map<number, Run[]>()
  for (const struct of structs) {
    const runs = byClient.get(struct.id.client) ?? []
    runs.push({ clock: struct.id.clock, length: struct.length, skip: struct instanceof Y.Skip })
    byClient.set(struct.id.client, runs)
  }

  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, byClient.size)
  for (const [client, runs] of byClient) {
    runs.sort((a, b) => a.clock - b.clock)
    const filled = fillGaps(runs)
    encoding.writeVarUint(encoder, filled.length)
    encoding.writeVarUint(encoder, client)
    encoding.writeVarUint(encoder, filled[0]?.clock ?? 0)
    for (const run of filled) {
      encoding.writeUint8(encoder, run.skip ? SKIP_INFO : GC_INFO)
      encoding.writeVarUint(encoder, run.length)
    }
  }
  encoding.writeVarUint(encoder, 0) // empty delete set
  return encoding.toUint8Array(encoder)
}

/** Structs of one client are contiguous in an update; any hole becomes an explicit Skip. */
function fillGaps(runs: readonly Run[]): Run[] {
  const filled: Run[] = []
  let next = runs[0]?.clock ?? 0
  for (const run of runs) {
    if (run.clock > next) filled.push({ clock: next, length: run.clock - next, skip: true })
    filled.push(run)
    next = run.clock + run.length
  }
  return filled
}

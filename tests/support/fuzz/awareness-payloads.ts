/**
 * Awareness (presence) payloads for hostile peers: entries claiming other clients' ids, states of
 * an awkward but valid sort, and updates that are not one well-formed awareness update.
 *
 *   awareness frame  = varUint(1) varUint8Array(update)
 *   update           = varUint(count) { varUint(clientId) varUint(clock) varString(stateJson) }*
 */
import * as encoding from 'lib0/encoding'
import type { AwarenessEntry } from '../frames.js'
import type { Rng } from './prng.js'
import { randomValue } from './yjs-payloads.js'

/** Entries for the honest clients' ids (mostly) or made-up ones: forged names, or departures. */
export function forgedEntries(rng: Rng, honestIds: readonly number[]): AwarenessEntry[] {
  return Array.from({ length: rng.between(1, 4) }, () => ({
    clientId: rng.chance(0.8) ? rng.pick(honestIds) : rng.clientId(),
    clock: rng.pick([0, 1, 2, 1000, 2 ** 31, 2 ** 53 - 1]),
    stateJson: rng.chance(0.3)
      ? 'null'
      : JSON.stringify({ user: { name: 'Mallory', role: 'facilitator' }, cursor: { x: 1 } }),
  }))
}

/** Valid JSON of an awkward sort: huge, deeply nested, odd types, prototype keys. */
export function oddJson(rng: Rng, deep: boolean): string {
  if (deep) {
    const depth = rng.pick([1_000, 5_000, 20_000])
    return `{"cursor":${'['.repeat(depth)}${']'.repeat(depth)}}`
  }
  return rng.pick([
    () => JSON.stringify({ cursor: { x: rng.int(1000), y: rng.int(1000) } }),
    () => JSON.stringify({ note: 'y'.repeat(rng.pick([100, 10_000, 40_000])) }),
    () => JSON.stringify(randomValue(rng)),
    () => '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
    () => JSON.stringify({ user: 5, presence: [1, 2, 3] }),
    () => JSON.stringify({ presence: { userName: 'Mallory', userId: 'user:someone-else' } }),
    () => '"just a string"',
    () => '12345678901234567890',
    () => '{}',
  ])()
}

/** An awareness frame whose update is not one well-formed awareness update. */
export function badAwarenessFrame(rng: Rng, clientId: number): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 1) // awareness
  const inner = encoding.createEncoder()
  switch (rng.int(3)) {
    case 0: // state that is not JSON
      encoding.writeVarUint(inner, 1)
      encoding.writeVarUint(inner, clientId)
      encoding.writeVarUint(inner, 1)
      encoding.writeVarString(inner, rng.pick(['{nope', '', 'undefined', "{'a':1}", 'NaN', '[1,]']))
      break
    case 1: // claims more entries than it has
      encoding.writeVarUint(inner, rng.between(2, 1000))
      encoding.writeVarUint(inner, clientId)
      encoding.writeVarUint(inner, 1)
      encoding.writeVarString(inner, '{}')
      break
    default: // trailing bytes after the entries
      encoding.writeVarUint(inner, 1)
      encoding.writeVarUint(inner, clientId)
      encoding.writeVarUint(inner, 1)
      encoding.writeVarString(inner, '{}')
      encoding.writeUint8Array(inner, rng.bytes(rng.between(1, 8)))
  }
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner))
  return encoding.toUint8Array(e)
}

/**
 * Checks client-supplied Yjs payloads *before* they touch a room's document: applying a corrupt
 * update can leave a document half-changed, so an update must decode in full first.
 */
import * as Y from 'yjs'
import { err, ok, type Result } from './result.js'

export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>

export interface UpdateSummary {
  /** True when the update carries neither structs nor deletions (e.g. a no-op sync step 2). */
  readonly isEmpty: boolean
  /** True when the update only deletes (it cannot grow the document). */
  readonly deletesOnly: boolean
  /** The update as decoded, for the checks that need the room's document (decoded once). */
  readonly decoded: DecodedUpdate
}

export function inspectUpdate(update: Uint8Array): Result<UpdateSummary, string> {
  try {
    const { structs, ds } = Y.decodeUpdate(update)
    // Yjs never writes an empty deleted range, and one makes applying throw half-way through.
    for (const ranges of ds.clients.values()) {
      if (ranges.some((range) => range.len <= 0)) return err('invalid Yjs update: empty deletion')
    }
    return ok({
      decoded: { structs, ds },
      isEmpty: structs.length === 0 && ds.clients.size === 0,
      deletesOnly: structs.length === 0,
    })
  } catch {
    // Yjs throws on unknown content types, truncated structs and bad varints alike.
    return err('invalid Yjs update')
  }
}

export function inspectStateVector(stateVector: Uint8Array): Result<Map<number, number>, string> {
  try {
    return ok(Y.decodeStateVector(stateVector))
  } catch {
    return err('invalid state vector')
  }
}

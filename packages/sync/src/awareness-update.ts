/**
 * Awareness (presence) updates, decoded and re-encoded without touching a room.
 *
 *   awarenessUpdate = varUint(count) { varUint(clientId) varUint(clock) varString(stateJson) }*
 *
 * y-protocols' own `applyAwarenessUpdate` parses as it applies, so a bad entry in the middle
 * leaves earlier entries applied; decoding the whole update here first avoids that, and lets the
 * room drop entries for client ids that belong to another connection.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { err, ok, type Result } from './result.js'

export interface AwarenessEntry {
  readonly clientId: number
  readonly clock: number
  /** The state's JSON text exactly as received; `"null"` means the client went away. */
  readonly stateJson: string
}

export function decodeAwarenessUpdate(update: Uint8Array): Result<AwarenessEntry[], string> {
  try {
    const decoder = decoding.createDecoder(update)
    const count = decoding.readVarUint(decoder)
    const entries: AwarenessEntry[] = []
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder)
      const clock = decoding.readVarUint(decoder)
      const stateJson = decoding.readVarString(decoder)
      if (!isJson(stateJson)) return err('awareness state is not JSON')
      entries.push({ clientId, clock, stateJson })
    }
    if (decoding.hasContent(decoder)) return err('trailing bytes after awareness update')
    return ok(entries)
  } catch {
    return err('truncated awareness update')
  }
}

export function encodeAwarenessUpdate(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId)
    encoding.writeVarUint(encoder, entry.clock)
    encoding.writeVarString(encoder, entry.stateJson)
  }
  return encoding.toUint8Array(encoder)
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

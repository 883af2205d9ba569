/**
 * The y-websocket messages a load client sends and the few it must read, encoded with lib0 as
 * y-protocols does:
 *
 *   sync      = varUint(0) varUint(syncType) varUint8Array(data)   syncType 0 step 1, 1 step 2, 2 update
 *   awareness = varUint(1) varUint8Array(varUint(count) { varUint(clientId) varUint(clock) varString(json) })
 *
 * These are the bodies of messages; `dialect.ts` adds what each server puts around them.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

export const MESSAGE_SYNC = 0
export const MESSAGE_AWARENESS = 1
export const SYNC_STEP_1 = 0
export const SYNC_STEP_2 = 1
export const SYNC_UPDATE = 2

/** An empty document's state vector and update, for clients that keep no document. */
export const EMPTY_STATE_VECTOR = new Uint8Array([0])
export const EMPTY_UPDATE = new Uint8Array([0, 0])

export function syncMessage(syncType: number, data: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  encoding.writeVarUint(encoder, syncType)
  encoding.writeVarUint8Array(encoder, data)
  return encoding.toUint8Array(encoder)
}

export function awarenessMessage(clientId: number, clock: number, stateJson: string): Uint8Array {
  const update = encoding.createEncoder()
  encoding.writeVarUint(update, 1)
  encoding.writeVarUint(update, clientId)
  encoding.writeVarUint(update, clock)
  encoding.writeVarString(update, stateJson)
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update))
  return encoding.toUint8Array(encoder)
}

export type ServerMessage =
  | { readonly kind: 'sync'; readonly syncType: number; readonly data: Uint8Array }
  | { readonly kind: 'awareness'; readonly update: Uint8Array }
  | { readonly kind: 'other'; readonly type: number }

/** Reads the message type and, for sync and awareness, its payload. */
export function readMessage(body: Uint8Array): ServerMessage {
  const decoder = decoding.createDecoder(body)
  const type = decoding.readVarUint(decoder)
  if (type === MESSAGE_SYNC) {
    const syncType = decoding.readVarUint(decoder)
    return { kind: 'sync', syncType, data: decoding.readVarUint8Array(decoder) }
  }
  if (type === MESSAGE_AWARENESS) {
    return { kind: 'awareness', update: decoding.readVarUint8Array(decoder) }
  }
  return { kind: 'other', type }
}

/**
 * The y-websocket wire protocol, as spoken by the stock `y-websocket` WebsocketProvider.
 *
 * Every WebSocket frame is binary and carries exactly one message:
 *
 *   message        = varUint(messageType) payload
 *   messageType 0  = sync:       varUint(syncType) varUint8Array(data)
 *                      syncType 0 = step 1: data is the sender's state vector
 *                      syncType 1 = step 2: data is an update (what the receiver lacks)
 *                      syncType 2 = update: data is an incremental update
 *   messageType 1  = awareness:  varUint8Array(awareness update)
 *   messageType 2  = auth:       varUint(0 = permission denied) varString(reason)  (server → client)
 *   messageType 3  = query awareness (no payload): "send me every awareness state"
 *
 * Decoding is strict: a frame with an unknown type, a truncated payload or trailing bytes is
 * malformed. Decoding does not look inside updates; see `update-validation.ts` for that.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { err, ok, type Result } from './result.js'

export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
} as const

export const SyncMessageType = {
  Step1: 0,
  Step2: 1,
  Update: 2,
} as const

export type ClientMessage =
  | { readonly kind: 'sync-step-1'; readonly stateVector: Uint8Array }
  | { readonly kind: 'sync-step-2'; readonly update: Uint8Array }
  | { readonly kind: 'update'; readonly update: Uint8Array }
  | { readonly kind: 'awareness'; readonly update: Uint8Array }
  | { readonly kind: 'query-awareness' }

export function decodeMessage(frame: Uint8Array): Result<ClientMessage, string> {
  if (frame.byteLength === 0) return err('empty frame')
  try {
    const decoder = decoding.createDecoder(frame)
    const message = readMessage(decoder)
    if (typeof message === 'string') return err(message)
    if (decoding.hasContent(decoder)) return err('trailing bytes after message')
    return ok(message)
  } catch {
    // lib0 throws on reads past the end of the frame.
    return err('truncated message')
  }
}

function readMessage(decoder: decoding.Decoder): ClientMessage | string {
  const type = decoding.readVarUint(decoder)
  switch (type) {
    case MessageType.Sync: {
      const syncType = decoding.readVarUint(decoder)
      const data = decoding.readVarUint8Array(decoder)
      if (syncType === SyncMessageType.Step1) return { kind: 'sync-step-1', stateVector: data }
      if (syncType === SyncMessageType.Step2) return { kind: 'sync-step-2', update: data }
      if (syncType === SyncMessageType.Update) return { kind: 'update', update: data }
      return `unknown sync message type ${syncType}`
    }
    case MessageType.Awareness:
      return { kind: 'awareness', update: decoding.readVarUint8Array(decoder) }
    case MessageType.QueryAwareness:
      return { kind: 'query-awareness' }
    default:
      return `unknown message type ${type}`
  }
}

export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return encodeSync(SyncMessageType.Step1, stateVector)
}

export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return encodeSync(SyncMessageType.Step2, update)
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  return encodeSync(SyncMessageType.Update, update)
}

export function encodeAwareness(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Awareness)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** Tells a client it may not do what it tried; the stock provider logs the reason. */
export function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Auth)
  encoding.writeVarUint(encoder, 0) // 0 = permission denied, the only auth message y-websocket has
  encoding.writeVarString(encoder, reason)
  return encoding.toUint8Array(encoder)
}

/**
 * Reads the rest of an auth message (after its type): the reason of a "permission denied", or
 * null for anything else. For clients that show the server's refusals instead of only logging
 * them, as the stock provider does.
 */
export function readPermissionDenied(decoder: decoding.Decoder): string | null {
  try {
    return decoding.readVarUint(decoder) === 0 ? decoding.readVarString(decoder) : null
  } catch {
    return null
  }
}

export function encodeQueryAwareness(): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.QueryAwareness)
  return encoding.toUint8Array(encoder)
}

function encodeSync(syncType: number, data: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Sync)
  encoding.writeVarUint(encoder, syncType)
  encoding.writeVarUint8Array(encoder, data)
  return encoding.toUint8Array(encoder)
}

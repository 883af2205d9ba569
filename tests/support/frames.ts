/**
 * y-websocket frames built and read by hand with lib0, independently of @accord/sync's encoder, so
 * that the tests check the wire format itself (packages/sync/src/protocol.ts documents it).
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

export const MessageType = { Sync: 0, Awareness: 1, QueryAwareness: 3 } as const
export const SyncType = { Step1: 0, Step2: 1, Update: 2 } as const

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

export function syncFrame(syncType: number, data: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MessageType.Sync)
    encoding.writeVarUint(e, syncType)
    encoding.writeVarUint8Array(e, data)
  })
}

export interface AwarenessEntry {
  readonly clientId: number
  readonly clock: number
  /** The state as JSON text; `'null'` removes the client. Sent verbatim, so it may be invalid. */
  readonly stateJson: string
}

export function awarenessFrame(entries: readonly AwarenessEntry[]): Uint8Array {
  const update = frame((e) => {
    encoding.writeVarUint(e, entries.length)
    for (const entry of entries) {
      encoding.writeVarUint(e, entry.clientId)
      encoding.writeVarUint(e, entry.clock)
      encoding.writeVarString(e, entry.stateJson)
    }
  })
  return frame((e) => {
    encoding.writeVarUint(e, MessageType.Awareness)
    encoding.writeVarUint8Array(e, update)
  })
}

export function queryAwarenessFrame(): Uint8Array {
  return frame((e) => encoding.writeVarUint(e, MessageType.QueryAwareness))
}

export type ServerMessage =
  | { readonly type: 'sync'; readonly syncType: number; readonly data: Uint8Array }
  | { readonly type: 'awareness'; readonly entries: AwarenessEntry[] }

/** Decodes a frame the server sent; throws if it is not exactly one sync or awareness message. */
export function decodeServerFrame(bytes: Uint8Array): ServerMessage {
  const decoder = decoding.createDecoder(bytes)
  const type = decoding.readVarUint(decoder)
  let message: ServerMessage
  if (type === MessageType.Sync) {
    const syncType = decoding.readVarUint(decoder)
    message = { type: 'sync', syncType, data: decoding.readVarUint8Array(decoder) }
  } else if (type === MessageType.Awareness) {
    const update = decoding.createDecoder(decoding.readVarUint8Array(decoder))
    const entries: AwarenessEntry[] = []
    for (let count = decoding.readVarUint(update); count > 0; count--) {
      const clientId = decoding.readVarUint(update)
      const clock = decoding.readVarUint(update)
      entries.push({ clientId, clock, stateJson: decoding.readVarString(update) })
    }
    message = { type: 'awareness', entries }
  } else {
    throw new Error(`unexpected message type ${type} from the server`)
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes in a server frame')
  return message
}

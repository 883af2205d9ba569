/**
 * How each server frames the same y-websocket messages.
 *
 * - Accord and `@y/websocket-server`: one message per frame, as in `wire.ts`; the room is in the URL.
 * - Hocuspocus multiplexes documents over one socket: every frame starts with
 *   `varString(documentName)`, a connection must first send `varUint(2) varUint(0) varString(token)`
 *   (auth, token), and the server adds its own messages (2 = auth answers, 8 = sync status acks).
 *   It answers a sync step 1 with type 4 ("sync reply"), which is a sync message like type 0.
 *
 * So every server gets the same Yjs updates and awareness states; only the envelope differs.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { Target } from './job.js'

export interface Dialect {
  /** Frames to send as soon as the socket opens. */
  opening(): Uint8Array[]
  /** The frame that carries a y-websocket message. */
  wrap(body: Uint8Array): Uint8Array
  /** The y-websocket message a frame carries (server-specific messages come back with their own type). */
  unwrap(frame: Uint8Array): Uint8Array
}

const plain: Dialect = {
  opening: () => [],
  wrap: (body) => body,
  unwrap: (frame) => frame,
}

const HOCUSPOCUS_AUTH = 2
const HOCUSPOCUS_AUTH_TOKEN = 0
const HOCUSPOCUS_SYNC_REPLY = 4

function hocuspocus(documentName: string, token: string): Dialect {
  const prefix = encoding.encode((encoder) => encoding.writeVarString(encoder, documentName))
  return {
    opening: () => [
      encoding.encode((encoder) => {
        encoding.writeVarString(encoder, documentName)
        encoding.writeVarUint(encoder, HOCUSPOCUS_AUTH)
        encoding.writeVarUint(encoder, HOCUSPOCUS_AUTH_TOKEN)
        encoding.writeVarString(encoder, token)
      }),
    ],
    wrap: (body) => {
      const frame = new Uint8Array(prefix.length + body.length)
      frame.set(prefix, 0)
      frame.set(body, prefix.length)
      return frame
    },
    unwrap: (frame) => {
      const decoder = decoding.createDecoder(frame)
      decoding.readVarString(decoder)
      const body = frame.subarray(decoder.pos)
      if (body[0] !== HOCUSPOCUS_SYNC_REPLY) return body
      const copy = body.slice()
      copy[0] = 0
      return copy
    },
  }
}

export function dialectFor(target: Target): Dialect {
  return target.kind === 'hocuspocus' ? hocuspocus(target.documentName, target.token) : plain
}

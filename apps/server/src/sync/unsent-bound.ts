/**
 * A bound on what one connection leaves unread. Frames are written to the socket at once; a
 * client that stops reading makes them pile up in the server's memory, and each sync step 2 can be
 * a copy of a whole board. Past `maxUnsentBytes` waiting when there is more to send, the
 * connection is closed with 4413 (`CloseCode.SlowConsumer`) instead.
 *
 * The bound is checked before a write, so one frame of any size still goes out to a connection
 * that has kept up: a joiner of a board near `ACCORD_MAX_DOCUMENT_BYTES` gets its step 2. A
 * connection then holds at most the bound plus one frame.
 */
import type { Duplex } from 'node:stream'
import type { Backpressure } from '@accord/sync'
import type { WebSocket } from 'ws'
import { binaryFrame, writeFrame } from './websocket-frames.js'

/**
 * A closing handshake needs the client to read up to the close frame, which a client that reads
 * nothing never does; after this long the socket (and everything queued on it) is dropped.
 */
export const slowConsumerGraceMs = 5000

export interface UnsentBound {
  readonly ws: WebSocket
  readonly socket: Duplex
  /** Bytes that may wait unsent before the next write; null: unbounded. */
  readonly maxUnsentBytes: number | null
  /** Called once, with the bytes waiting, when the bound is passed: close the session here. */
  readonly onPassed: (unsent: number) => void
}

/** A `send` for the connection's transport that keeps to the bound. */
export function boundedSender(bound: UnsentBound): (payload: Uint8Array) => boolean {
  const { ws, socket, maxUnsentBytes } = bound
  let passed = false
  return (payload) => {
    if (passed || ws.readyState !== ws.OPEN) return false
    const unsent = socket.writableLength
    if (maxUnsentBytes !== null && unsent > maxUnsentBytes) {
      passed = true
      bound.onPassed(unsent)
      setTimeout(() => {
        if (ws.readyState !== ws.CLOSED) ws.terminate()
      }, slowConsumerGraceMs).unref()
      return false
    }
    writeFrame(socket, binaryFrame(payload))
    return true
  }
}

/**
 * The socket's write queue as the room sees it (`presence-backlog.ts`): backed up once a write
 * has filled it past its high-water mark — that write returned false, so the socket emits
 * `drain` when the queue empties.
 */
export function socketPressure(socket: Duplex): Backpressure {
  return {
    backedUp: () => socket.writableLength >= socket.writableHighWaterMark,
    onceDrained: (callback) => {
      socket.once('drain', callback)
    },
  }
}

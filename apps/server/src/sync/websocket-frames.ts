/**
 * Binary WebSocket frames, each built once. `ws` frames a message again on every `send()`, but a
 * room hands the same bytes to every peer of a broadcast: here the first send builds the frame and
 * the others write the very same buffer (DESIGN §5: encode a broadcast once).
 *
 * A frame is RFC 6455 §5.2's: FIN, the binary opcode, the payload length, no mask (a server's
 * frames are never masked), then the payload.
 */
import type { Duplex } from 'node:stream'

/** One buffer (header and payload, so one write per send) or, for a large payload, two. */
export type Frame = readonly [Buffer] | readonly [Buffer, Buffer]

/** Up to this size the payload is copied behind its header; beyond it, a copy costs more. */
const mergedUpTo = 16 * 1024

const FIN_BINARY = 0x82

const built = new WeakMap<Uint8Array, Frame>()

/** The frame of `payload`, built on its first use; it lives as long as the payload does. */
export function binaryFrame(payload: Uint8Array): Frame {
  let frame = built.get(payload)
  if (frame === undefined) {
    frame = buildFrame(payload)
    built.set(payload, frame)
  }
  return frame
}

export function buildFrame(payload: Uint8Array): Frame {
  const length = payload.byteLength
  const headerLength = length < 126 ? 2 : length < 0x10000 ? 4 : 10
  const merged = length <= mergedUpTo
  const header = Buffer.allocUnsafe(headerLength + (merged ? length : 0))
  header[0] = FIN_BINARY
  if (length < 126) {
    header[1] = length
  } else if (length < 0x10000) {
    header[1] = 126
    header.writeUInt16BE(length, 2)
  } else {
    header[1] = 127
    header.writeBigUInt64BE(BigInt(length), 2)
  }
  if (merged) {
    header.set(payload, headerLength)
    return [header]
  }
  return [header, Buffer.from(payload.buffer, payload.byteOffset, length)]
}

/**
 * Writes `frame` to the socket of an open WebSocket. Only between `ws`'s own writes (which are
 * synchronous: no compression is negotiated), so frames never interleave.
 */
export function writeFrame(socket: Duplex, frame: Frame): void {
  if (frame.length === 1) {
    socket.write(frame[0])
    return
  }
  socket.cork()
  socket.write(frame[0])
  socket.write(frame[1])
  socket.uncork()
}

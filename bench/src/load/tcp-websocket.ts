/**
 * A WebSocket client built by hand on a bare TCP socket, as a hostile client would write one: the
 * upgrade request and every frame are written here (RFC 6455), so the attacker controls what a
 * library would do for it — above all, it can stop reading its socket and let the server's
 * replies pile up.
 *
 * A reading client does not decode what it receives: it skips data frames by their headers
 * (cheap enough for hundreds of sockets flooded with relayed messages), notes the close code and
 * answers pings, so that a long attack is not ended by the server's heartbeat. A client that
 * does not read learns how the server closed it only once it reads again (`settle`).
 */
import { randomBytes } from 'node:crypto'
import { connect, type Socket } from 'node:net'

const OPCODE_BINARY = 0x2
const OPCODE_CLOSE = 0x8
const OPCODE_PING = 0x9
const OPCODE_PONG = 0xa
const HANDSHAKE_TIMEOUT_MS = 20_000

/** The close code, or `'reset'` when the socket ended without a close frame. */
export type CloseReason = number | 'reset'

export class TcpWebSocket {
  private closeReason: CloseReason | null = null
  /** Bytes of the current frame's header, while it arrives split across chunks. */
  private header = Buffer.alloc(0)
  /** Payload bytes of the current frame still to skip (or, for a control frame, to collect). */
  private remaining = 0
  private control: { opcode: number; payload: Buffer[] } | null = null

  private constructor(
    private readonly socket: Socket,
    private reading: boolean,
  ) {
    socket.on('close', () => (this.closeReason ??= 'reset'))
    if (reading) socket.on('data', (data: Buffer) => this.skip(data))
  }

  /**
   * Opens `url` (`ws://host:port/path?query`). With `read: false` the socket is paused right
   * after the upgrade: the kernel's buffers fill, then the server's.
   */
  static open(url: string, options: { read: boolean }): Promise<TcpWebSocket> {
    const target = new URL(url)
    const socket = connect(Number(target.port), target.hostname)
    socket.setNoDelay(true)
    // A hostile peer is often reset by the server; `close` reports it.
    socket.on('error', () => {})
    return new Promise((resolve, reject) => {
      let head = Buffer.alloc(0)
      const timer = setTimeout(() => fail('no upgrade in time'), HANDSHAKE_TIMEOUT_MS)
      const fail = (why: string) => {
        clearTimeout(timer)
        socket.destroy()
        reject(new Error(`WebSocket upgrade of ${target.pathname}: ${why}`))
      }
      const onData = (chunk: Buffer) => {
        head = Buffer.concat([head, chunk])
        const end = head.indexOf('\r\n\r\n')
        if (end === -1) return
        socket.off('data', onData)
        socket.off('close', onClose)
        clearTimeout(timer)
        const status = head.subarray(0, head.indexOf('\r\n')).toString()
        if (!/^HTTP\/1\.1 101 /.test(status)) return fail(status)
        if (!options.read) socket.pause()
        const client = new TcpWebSocket(socket, options.read)
        // What came with the upgrade's answer; a client that does not read drops it too.
        if (options.read) client.skip(head.subarray(end + 4))
        resolve(client)
      }
      const onClose = () => fail('closed')
      socket.on('data', onData)
      socket.on('close', onClose)
      socket.on('connect', () =>
        socket.write(
          `GET ${target.pathname}${target.search} HTTP/1.1\r\n` +
            `Host: ${target.host}\r\n` +
            'Upgrade: websocket\r\nConnection: Upgrade\r\n' +
            `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n` +
            'Sec-WebSocket-Version: 13\r\n\r\n',
        ),
      )
    })
  }

  /** Why the socket closed, once it has. */
  get closed(): CloseReason | null {
    return this.closeReason
  }

  /** Writes one binary message; false once the socket is gone. */
  send(body: Uint8Array): boolean {
    return this.write(encodeFrame(OPCODE_BINARY, body))
  }

  /** Writes bytes as they are (e.g. many frames built beforehand, in one write). */
  write(bytes: Uint8Array): boolean {
    if (this.socket.destroyed) return false
    this.socket.write(bytes)
    return true
  }

  /**
   * A client that stopped reading reads again, skipping what piled up, for at most `ms`: by then
   * it knows whether the server had closed it (and with which code), or that it is still open.
   */
  async settle(ms: number): Promise<void> {
    if (this.reading || this.socket.destroyed) return
    this.reading = true
    this.socket.on('data', (data: Buffer) => this.skip(data))
    this.socket.resume()
    const deadline = performance.now() + ms
    while (this.closeReason === null && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  }

  /** Drops the connection without a closing handshake, as a crashed client would. */
  destroy(): void {
    this.socket.destroy()
  }

  /** Walks the server's frames: headers read, data skipped, close and ping looked at. */
  private skip(chunk: Buffer): void {
    let at = 0
    while (at < chunk.length) {
      if (this.remaining > 0) {
        const take = Math.min(this.remaining, chunk.length - at)
        this.control?.payload.push(chunk.subarray(at, at + take))
        this.remaining -= take
        at += take
        if (this.remaining === 0) this.endFrame()
        continue
      }
      const need = headerLength(this.header, chunk, at)
      const available = this.header.length + chunk.length - at
      if (need === null || available < need) {
        this.header = Buffer.concat([this.header, chunk.subarray(at)])
        return
      }
      const header = Buffer.concat([
        this.header,
        chunk.subarray(at, at + need - this.header.length),
      ])
      at += need - this.header.length
      this.header = Buffer.alloc(0)
      const opcode = (header[0] as number) & 0x0f
      const length = payloadLength(header)
      this.control = opcode >= OPCODE_CLOSE ? { opcode, payload: [] } : null
      this.remaining = length
      if (length === 0) this.endFrame()
    }
  }

  private endFrame(): void {
    const control = this.control
    this.control = null
    if (!control) return
    const payload = Buffer.concat(control.payload)
    if (control.opcode === OPCODE_CLOSE) {
      this.closeReason = payload.length >= 2 ? payload.readUInt16BE(0) : 1005
      this.socket.destroy()
    } else if (control.opcode === OPCODE_PING) {
      this.write(encodeFrame(OPCODE_PONG, payload))
    }
  }
}

/** How long the header starting at `at` is, or null while its first two bytes are not all here. */
function headerLength(pending: Buffer, chunk: Buffer, at: number): number | null {
  const byte = (i: number) => (i < pending.length ? pending[i] : chunk[at + i - pending.length])
  const second = byte(1)
  if (second === undefined || byte(0) === undefined) return null
  const length = second & 0x7f
  // Frames from a server are never masked.
  return length === 127 ? 10 : length === 126 ? 4 : 2
}

function payloadLength(header: Buffer): number {
  const length = (header[1] as number) & 0x7f
  if (length === 126) return header.readUInt16BE(2)
  if (length === 127) return Number(header.readBigUInt64BE(2))
  return length
}

/** One final (unfragmented) client frame: masked, as RFC 6455 requires of clients. */
export function encodeFrame(opcode: number, payload: Uint8Array): Buffer {
  const length = payload.length
  const extra = length < 126 ? 0 : length < 0x10000 ? 2 : 8
  const frame = Buffer.allocUnsafe(2 + extra + 4 + length)
  frame[0] = 0x80 | opcode
  if (extra === 0) frame[1] = 0x80 | length
  else if (extra === 2) {
    frame[1] = 0x80 | 126
    frame.writeUInt16BE(length, 2)
  } else {
    frame[1] = 0x80 | 127
    frame.writeBigUInt64BE(BigInt(length), 2)
  }
  const maskAt = 2 + extra
  const mask = randomBytes(4)
  mask.copy(frame, maskAt)
  for (let i = 0; i < length; i++) {
    frame[maskAt + 4 + i] = (payload[i] as number) ^ (mask[i & 3] as number)
  }
  return frame
}

/**
 * The floor: the least any relay must pay to fan a message out, measured by the same harness as
 * the servers. It keeps no document, no storage and no presence: it answers a client's sync
 * step 1 with an empty sync step 2 (so the client counts as synced), and relays every other
 * message verbatim to the other clients of its room (the URL's path). Each message is framed
 * once and the same Buffer is written to every recipient's TCP socket, so what it costs is
 * little more than one `write` per recipient — the syscalls alone.
 *
 * Keeping no state, it is only meaningful for fan-out, drag and presence (a late joiner would get
 * an empty document); the bench runs it there only, and only when `--servers` names it.
 */
import { createServer } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocket, WebSocketServer } from 'ws'

interface Peer {
  readonly ws: WebSocket
  /** The upgraded TCP socket, written to directly: `ws.send` would frame the message again. */
  readonly socket: Duplex
}

const rooms = new Map<string, Set<Peer>>()

/** Sync step 2 with an empty update: varUint(0) varUint(1) varUint8Array([0, 0]). */
const EMPTY_SYNC_STEP_2 = frame(Buffer.from([0, 1, 2, 0, 0]))

/** An unmasked, final, binary WebSocket frame (RFC 6455 §5.2) around `payload`. */
function frame(payload: Buffer): Buffer {
  const length = payload.length
  const headerLength = length < 126 ? 2 : length < 0x10000 ? 4 : 10
  const out = Buffer.allocUnsafe(headerLength + length)
  out[0] = 0x82
  if (length < 126) {
    out[1] = length
  } else if (length < 0x10000) {
    out[1] = 126
    out.writeUInt16BE(length, 2)
  } else {
    out[1] = 127
    out.writeBigUInt64BE(BigInt(length), 2)
  }
  payload.copy(out, headerLength)
  return out
}

function join(room: string, peer: Peer): void {
  const peers = rooms.get(room) ?? new Set<Peer>()
  rooms.set(room, peers.add(peer))
  peer.ws.on('message', (data: Buffer, isBinary) => {
    if (!isBinary) return
    if (data[0] === 0 && data[1] === 0) {
      peer.socket.write(EMPTY_SYNC_STEP_2)
      return
    }
    const message = frame(data)
    for (const other of peers) {
      if (other !== peer && other.ws.readyState === WebSocket.OPEN) other.socket.write(message)
    }
  })
  peer.ws.on('close', () => {
    peers.delete(peer)
    if (peers.size === 0) rooms.delete(room)
  })
}

const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false })
const server = createServer((_request, response) => {
  // Any plain request is the launcher asking whether the server is ready.
  response.writeHead(200, { 'content-type': 'text/plain' }).end('floor\n')
})
server.on('upgrade', (request, socket, head) => {
  const room = (request.url ?? '/').split('?')[0] ?? '/'
  wss.handleUpgrade(request, socket, head, (ws) => join(room, { ws, socket }))
})
const host = process.env.HOST ?? '127.0.0.1'
const port = Number(process.env.PORT ?? 1234)
server.listen(port, host, () => process.stdout.write(`floor listening on ${host}:${port}\n`))

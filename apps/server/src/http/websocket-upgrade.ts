/**
 * WebSocket upgrades, answered by the Hono app like any request and completed with `ws`.
 *
 * An upgrade request goes through the app (request id, request log, security headers, routing);
 * a route that takes the connection calls `acceptWebSocket(c, onSocket)` and answers 200. Only
 * then is the handshake completed, and `onSocket` receives the `ws` WebSocket and its TCP socket.
 * Anything else the app answers (404, 500…) goes back as a plain HTTP response, and the socket is
 * closed.
 *
 * This replaces `@hono/node-server`'s `upgradeWebSocket`, which keeps each upgrade's Hono context,
 * Request, headers and IncomingMessage alive for as long as the connection lasts (about 10 KB per
 * idle connection) and wraps every incoming message in a `MessageEvent` over a copy of its bytes.
 * Here nothing of the request outlives the handshake but what `onSocket` itself captured.
 */
import { type IncomingMessage, type Server, STATUS_CODES } from 'node:http'
import type { Duplex } from 'node:stream'
import type { Context } from 'hono'
import type { WebSocket, WebSocketServer } from 'ws'

export type SocketHandler = (ws: WebSocket, socket: Duplex) => void

/** What the app's `c.env` holds for an upgrade request (Hono's Node adapter's `incoming` too). */
interface UpgradeBindings {
  readonly incoming: IncomingMessage
  readonly [acceptKey]: (onSocket: SocketHandler) => void
}

const acceptKey = Symbol('acceptWebSocket')

/** Whether `c` is a WebSocket upgrade request that this server can complete. */
export function isWebSocketUpgrade(c: Context): boolean {
  return c.req.header('upgrade')?.toLowerCase() === 'websocket' && acceptorOf(c) !== null
}

/**
 * Takes the connection once the app has answered 200: `onSocket` runs when the handshake is
 * done. It must not capture `c`, or the request stays in memory for the connection's life.
 * Returns false when `c` is not an upgrade request this server can complete.
 */
export function acceptWebSocket(c: Context, onSocket: SocketHandler): boolean {
  const accept = acceptorOf(c)
  if (accept === null || !isWebSocketUpgrade(c)) return false
  accept(onSocket)
  return true
}

function acceptorOf(c: Context): ((onSocket: SocketHandler) => void) | null {
  // Hono types `c.env` as whatever the adapter passes; only an upgrade's env has the acceptor.
  const env: unknown = c.env
  if (typeof env !== 'object' || env === null || !(acceptKey in env)) return null
  return (env as UpgradeBindings)[acceptKey]
}

/** Answers every `upgrade` event of `server` through `fetch` (the Hono app). */
export function handleUpgrades(options: {
  readonly server: Server
  readonly wss: WebSocketServer
  readonly fetch: (request: Request, env: UpgradeBindings) => Response | Promise<Response>
}): void {
  const { server, wss, fetch } = options
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    void upgrade(request, socket, head)
  })

  async function upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    // Until `ws` owns the socket, a client that resets it must not crash the process.
    const ignore = () => {}
    socket.on('error', ignore)
    const taken: { onSocket?: SocketHandler } = {}
    let response: Response
    try {
      response = await fetch(toRequest(request), {
        incoming: request,
        [acceptKey]: (onSocket) => (taken.onSocket = onSocket),
      })
    } catch {
      return answer(socket, new Response(null, { status: 400 }))
    }
    if (socket.destroyed) return
    const accepted = taken.onSocket
    if (accepted === undefined || response.status !== 200) return answer(socket, response)
    const addHeaders = (lines: string[]) => lines.push(...headerLines(response.headers))
    wss.once('headers', addHeaders)
    try {
      wss.handleUpgrade(request, socket, head, (ws) => {
        socket.off('error', ignore)
        wss.emit('connection', ws, request)
        accepted(ws, socket)
      })
    } finally {
      // `ws` emits `headers` synchronously, or not at all when it refused the handshake itself.
      wss.off('headers', addHeaders)
    }
  }
}

function toRequest(request: IncomingMessage): Request {
  const headers = new Headers()
  for (const [key, value] of Object.entries(request.headers)) {
    if (value === undefined) continue
    headers.append(key, Array.isArray(value) ? value.join(', ') : value)
  }
  const host = request.headers.host ?? 'localhost'
  // A request target is a path here; anything else is not a URL this server answers.
  const path = request.url?.startsWith('/') ? request.url : '/'
  return new Request(new URL(path, `http://${host}`), { headers })
}

/** Headers a 101 or a refusal may carry (the handshake's own are `ws`'s to set). */
const notForwarded = new Set([
  'connection',
  'content-length',
  'content-type',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'sec-websocket-accept',
  'sec-websocket-extensions',
  'sec-websocket-protocol',
])

function headerLines(headers: Headers | undefined): string[] {
  const lines: string[] = []
  headers?.forEach((value, key) => {
    if (!notForwarded.has(key.toLowerCase())) lines.push(`${key}: ${value}`)
  })
  return lines
}

/**
 * A request that is not upgraded gets the app's whole answer (a 404's JSON reason, or the page
 * for a client that only offered to upgrade, e.g. to h2c) and the connection is closed.
 */
async function answer(socket: Duplex, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer().catch(() => new ArrayBuffer(0)))
  if (socket.destroyed) return
  const status = response.status
  const lines = [
    'Connection: close',
    `Content-Length: ${body.byteLength}`,
    ...(response.headers.has('content-type')
      ? [`Content-Type: ${response.headers.get('content-type')}`]
      : []),
    ...headerLines(response.headers),
  ]
  socket.end(
    Buffer.concat([
      Buffer.from(
        `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n${lines.join('\r\n')}\r\n\r\n`,
      ),
      body,
    ]),
  )
}

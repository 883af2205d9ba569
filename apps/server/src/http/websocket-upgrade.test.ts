import { createServer, type IncomingMessage, request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { type Context, Hono } from 'hono'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket, WebSocketServer } from 'ws'
import { binaryFrame, buildFrame, writeFrame } from '../sync/websocket-frames.js'
import { acceptWebSocket, handleUpgrades, isWebSocketUpgrade } from './websocket-upgrade.js'

let running: { server: Server; wss: WebSocketServer } | null = null
afterEach(async () => {
  if (!running) return
  for (const client of running.wss.clients) client.terminate()
  running.wss.close()
  await new Promise((resolve) => running?.server.close(resolve))
  running = null
})

/** A real HTTP server whose upgrades go through `app`, as in server.ts. */
async function serve(app: Hono): Promise<string> {
  const server = createServer((_request, response) => response.end('not an upgrade'))
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false })
  handleUpgrades({ server, wss, fetch: app.fetch })
  running = { server, wss }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `127.0.0.1:${(server.address() as AddressInfo).port}`
}

/** An app whose `/echo` takes WebSockets and echoes each message in a prebuilt frame. */
function echoApp(
  seen: { upgrades: number } = { upgrades: 0 },
  onRequest: (c: Context) => void = () => {},
): Hono {
  const app = new Hono()
  app.use('*', async (c, next) => {
    onRequest(c)
    await next()
    c.header('X-Request-Id', 'req-12345678')
  })
  app.get('/echo', (c) => {
    if (!isWebSocketUpgrade(c)) return c.text('plain GET', 200)
    seen.upgrades++
    acceptWebSocket(c, (ws, socket) => {
      ws.on('message', (data: Buffer) => writeFrame(socket, binaryFrame(new Uint8Array(data))))
    })
    return c.body(null)
  })
  app.get('/refused', (c) => c.json({ error: 'not_found', message: 'no endpoint here' }, 404))
  app.get('/broken', () => {
    throw new Error('boom')
  })
  return app
}

function connect(url: string): Promise<{ ws: WebSocket; headers: IncomingMessage['headers'] }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url)
    ws.once('upgrade', (response) => resolve({ ws, headers: response.headers }))
    ws.once('error', reject)
  })
}

/** The status and body a refused upgrade gets back. */
function refusal(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url)
    ws.once('unexpected-response', (_request, response) => {
      let body = ''
      response.on('data', (chunk: Buffer) => (body += chunk.toString()))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
    })
    ws.once('open', () => reject(new Error('the upgrade was accepted')))
  })
}

function nextMessage(ws: WebSocket): Promise<Buffer> {
  return new Promise((resolve) => ws.once('message', (data: Buffer) => resolve(data)))
}

describe('WebSocket upgrades through the app', () => {
  it('completes an accepted upgrade with the headers the app set', async () => {
    const host = await serve(echoApp())
    const { ws, headers } = await connect(`ws://${host}/echo`)
    expect(headers['x-request-id']).toBe('req-12345678')
    ws.send(Buffer.from('hello'))
    expect((await nextMessage(ws)).toString()).toBe('hello')
    ws.close()
  })

  it('answers a route that does not take the socket with its status and JSON reason', async () => {
    const host = await serve(echoApp())
    const refused = await refusal(`ws://${host}/refused`)
    expect(refused.status).toBe(404)
    expect(JSON.parse(refused.body)).toEqual({ error: 'not_found', message: 'no endpoint here' })
  })

  it('answers 500 when the route throws, and keeps serving', async () => {
    const host = await serve(echoApp())
    expect((await refusal(`ws://${host}/broken`)).status).toBe(500)
    const { ws } = await connect(`ws://${host}/echo`)
    ws.close()
  })

  it('gives a client that offers another protocol (h2c) the plain answer', async () => {
    const seen = { upgrades: 0 }
    const host = await serve(echoApp(seen))
    const [hostname, port] = host.split(':')
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpRequest({
        host: hostname,
        port: Number(port),
        path: '/echo',
        headers: { connection: 'Upgrade, HTTP2-Settings', upgrade: 'h2c' },
      })
      request.on('response', (response) => {
        let body = ''
        response.on('data', (chunk: Buffer) => (body += chunk.toString()))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
      })
      request.on('error', reject)
      request.end()
    })
    expect(answer).toEqual({ status: 200, body: 'plain GET' })
    expect(seen.upgrades).toBe(0)
  })

  it('keeps nothing of the request once the connection is open', async () => {
    setFlagsFromString('--expose-gc')
    const gc = runInNewContext('gc') as () => void
    const requests: WeakRef<object>[] = []
    const contexts: WeakRef<object>[] = []
    const app = echoApp(undefined, (c) => contexts.push(new WeakRef(c), new WeakRef(c.req.raw)))
    const host = await serve(app)
    running?.server.prependListener('upgrade', (request: IncomingMessage) =>
      requests.push(new WeakRef(request)),
    )
    const { ws } = await connect(`ws://${host}/echo`)
    ws.send(Buffer.from('still open'))
    expect((await nextMessage(ws)).toString()).toBe('still open')
    for (let round = 0; round < 3; round++) {
      await new Promise((resolve) => setImmediate(resolve))
      gc()
    }
    expect(requests).toHaveLength(1)
    expect(contexts.length).toBeGreaterThan(0)
    expect(requests.filter((ref) => ref.deref() !== undefined)).toHaveLength(0)
    expect(contexts.filter((ref) => ref.deref() !== undefined)).toHaveLength(0)
    ws.send(Buffer.from('after gc'))
    expect((await nextMessage(ws)).toString()).toBe('after gc')
    ws.close()
  })
})

describe('prebuilt binary frames', () => {
  it('encodes the three payload lengths of RFC 6455', () => {
    expect([...(buildFrame(new Uint8Array([7, 8]))[0] ?? [])]).toEqual([0x82, 2, 7, 8])
    const medium = buildFrame(new Uint8Array(300))[0]
    expect([...medium.subarray(0, 4)]).toEqual([0x82, 126, 1, 44])
    expect(medium.byteLength).toBe(304)
    const large = buildFrame(new Uint8Array(70_000))
    expect(large).toHaveLength(2)
    expect([...large[0]]).toEqual([0x82, 127, 0, 0, 0, 0, 0, 1, 0x11, 0x70])
  })

  it('builds a broadcast once and shares it between sends', () => {
    const payload = new Uint8Array([1, 2, 3])
    expect(binaryFrame(payload)).toBe(binaryFrame(payload))
    expect(binaryFrame(new Uint8Array([1, 2, 3]))).not.toBe(binaryFrame(payload))
  })

  it('reaches a stock ws client intact at every length', async () => {
    const host = await serve(echoApp())
    const { ws } = await connect(`ws://${host}/echo`)
    for (const length of [0, 1, 125, 126, 16_384, 16_385, 65_535, 65_536, 300_000]) {
      const sent = Buffer.alloc(length, length % 251)
      ws.send(sent)
      const received = await nextMessage(ws)
      expect(received.byteLength).toBe(length)
      expect(received.equals(sent)).toBe(true)
    }
    ws.close()
  })
})

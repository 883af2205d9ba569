/**
 * The hand-built WebSocket client against the `ws` server: its frames are what a real server
 * reads, and it walks what a real server sends — frames of every length encoding, a ping, a close
 * with a code — without losing its place.
 */
import type { AddressInfo } from 'node:net'
import { afterEach, expect, it } from 'vitest'
import { type WebSocket, WebSocketServer } from 'ws'
import { TcpWebSocket } from './tcp-websocket.js'
import { sleep, waitUntil } from './wait.js'

const servers: WebSocketServer[] = []
afterEach(() => {
  for (const server of servers.splice(0)) server.close()
})

async function serve(): Promise<{ url: string; connected: Promise<WebSocket> }> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 })
  servers.push(server)
  await new Promise((resolve) => server.once('listening', resolve))
  const { port } = server.address() as AddressInfo
  const connected = new Promise<WebSocket>((resolve) => server.once('connection', resolve))
  return { url: `ws://127.0.0.1:${port}/sync/room?token=t`, connected }
}

it('sends masked binary frames of every length encoding that a ws server reads back intact', async () => {
  const { url, connected } = await serve()
  const client = await TcpWebSocket.open(url, { read: true })
  const peer = await connected
  const received: Buffer[] = []
  peer.on('message', (data: Buffer) => received.push(data))
  const bodies = [0, 5, 125, 126, 65_535, 65_536, 200_000].map((length) =>
    Uint8Array.from({ length }, (_, i) => (i * 7 + length) % 256),
  )
  for (const body of bodies) expect(client.send(body)).toBe(true)
  await waitUntil(() => received.length === bodies.length, 5000)
  expect(received).toEqual(bodies.map((body) => Buffer.from(body)))
})

it('skips the server’s frames, answers its ping and reports its close code', async () => {
  const { url, connected } = await serve()
  const client = await TcpWebSocket.open(url, { read: true })
  const peer = await connected
  let pong: Buffer | null = null
  peer.on('pong', (data: Buffer) => (pong = data))
  for (const length of [0, 3, 125, 126, 70_000, 65_536]) peer.send(Buffer.alloc(length, 1))
  peer.ping(Buffer.from('alive?'))
  await waitUntil(() => pong !== null, 5000)
  expect(String(pong)).toBe('alive?')
  peer.close(4429, 'too fast')
  await waitUntil(() => client.closed !== null, 5000)
  expect(client.closed).toBe(4429)
})

it('stops reading when asked: what the server sends piles up in its own buffers', async () => {
  const { url, connected } = await serve()
  const client = await TcpWebSocket.open(url, { read: false })
  const peer = await connected
  const megabyte = Buffer.alloc(2 ** 20, 2)
  // Far more than loopback's socket buffers hold on both sides together.
  for (let i = 0; i < 64; i++) peer.send(megabyte)
  await sleep(300)
  expect(peer.bufferedAmount).toBeGreaterThan(16 * 2 ** 20)
  // Reading again, it skips all that and finds the close behind it.
  peer.close(4413, 'too much unsent')
  await client.settle(5000)
  expect(client.closed).toBe(4413)
})

it('refuses a connection whose upgrade is not answered with 101', async () => {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, verifyClient: () => false })
  servers.push(server)
  await new Promise((resolve) => server.once('listening', resolve))
  const { port } = server.address() as AddressInfo
  await expect(TcpWebSocket.open(`ws://127.0.0.1:${port}/`, { read: false })).rejects.toThrow(
    /HTTP\/1\.1 401/,
  )
})

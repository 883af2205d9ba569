import { once } from 'node:events'
import { createServer, type Socket, connect } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { socketPressure } from './unsent-bound.js'

const sockets: Socket[] = []
const closers: (() => void)[] = []
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.destroy()
  for (const close of closers.splice(0)) close()
})

/** A real loopback TCP connection: the server's end, and a client end that is not reading. */
async function connection(): Promise<{ server: Socket; client: Socket }> {
  const listener = createServer()
  closers.push(() => listener.close())
  listener.listen(0, '127.0.0.1')
  await once(listener, 'listening')
  const address = listener.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  const accepted = once(listener, 'connection')
  const client = connect(address.port, '127.0.0.1')
  client.pause()
  const [server] = (await accepted) as [Socket]
  sockets.push(server, client)
  return { server, client }
}

describe('socketPressure', () => {
  it('is backed up once writes queue past the high-water mark, and calls back when drained', async () => {
    const { server, client } = await connection()
    const pressure = socketPressure(server)
    expect(pressure.backedUp()).toBe(false)
    // More than the kernel's buffers take while the client reads nothing: the rest queues here.
    const chunk = Buffer.alloc(1 << 20)
    while (server.writableLength < server.writableHighWaterMark * 4) server.write(chunk)
    expect(pressure.backedUp()).toBe(true)
    let drained = false
    pressure.onceDrained(() => {
      drained = true
    })
    expect(drained).toBe(false)
    client.resume()
    await once(server, 'drain')
    expect(drained).toBe(true)
    expect(pressure.backedUp()).toBe(false)
  })
})

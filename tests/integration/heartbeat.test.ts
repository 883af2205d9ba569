import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { awarenessFrame } from '../support/frames.js'
import { getHealth } from '../support/inspect.js'
import { openRawSocket } from '../support/raw-socket.js'
import { createRoom, type ServerProcess, startServer } from '../support/server-process.js'
import { waitFor } from '../support/wait.js'
import { connectClient } from '../support/yjs-client.js'

let server: ServerProcess

beforeAll(async () => {
  server = await startServer({ env: { ACCORD_HEARTBEAT_MS: '200' } })
})
afterAll(async () => {
  await server.stop()
})

describe('heartbeat', () => {
  it('a connection that stops answering pings is dropped, and its presence with it', async () => {
    const roomId = await createRoom(server)
    const honest = connectClient(server.wsUrl, roomId)
    await honest.whenSynced()
    // A peer whose network vanished: the socket is open, but nothing comes back.
    const silent = await openRawSocket(server.wsUrl, roomId, { answerPings: false })
    silent.ws.send(awarenessFrame([{ clientId: 777, clock: 1, stateJson: '{"user":"gone"}' }]))
    await waitFor(() => honest.provider.awareness.getStates().has(777), { what: 'the presence' })

    const closed = await silent.closed
    expect(closed.code).toBe(1006) // terminated, no close handshake
    await waitFor(() => !honest.provider.awareness.getStates().has(777), {
      what: 'the dead peer’s presence to go',
    })
    await waitFor(async () => (await getHealth(server)).connections === 1, {
      what: 'the connection count to drop',
    })
    // The honest client answers pings (the ws library does it) and stays connected.
    expect(honest.closes).toEqual([])
    honest.destroy()
  })
})

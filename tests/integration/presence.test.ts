import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  type AwarenessEntry,
  awarenessFrame,
  decodeServerFrame,
  queryAwarenessFrame,
} from '../support/frames.js'
import { openRawSocket, type RawSocket } from '../support/raw-socket.js'
import {
  createRoom,
  joinRoom,
  type ServerProcess,
  startServer,
  tokensOf,
} from '../support/server-process.js'
import { connectClient, type TestClient } from '../support/yjs-client.js'
import { waitFor } from '../support/wait.js'

let server: ServerProcess
const clients: TestClient[] = []
const sockets: RawSocket[] = []

beforeAll(async () => {
  server = await startServer()
})
afterAll(async () => {
  await server.stop()
})
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy()
  for (const socket of sockets.splice(0)) socket.ws.terminate()
})

function client(roomId: string, options: { token?: string } = {}): TestClient {
  const c = connectClient(server.wsUrl, roomId, options)
  clients.push(c)
  return c
}

async function raw(roomId: string): Promise<RawSocket> {
  const socket = await openRawSocket(server.wsUrl, roomId)
  sockets.push(socket)
  await socket.receivedAtLeast(1) // joined
  return socket
}

/** Every awareness entry the server has sent to a raw socket, in order, from frame `from` on. */
function awarenessSeen(socket: RawSocket, from = 0): AwarenessEntry[] {
  return socket.received.slice(from).flatMap((frame) => {
    const message = decodeServerFrame(frame)
    return message.type === 'awareness' ? message.entries : []
  })
}

/** A field the client controls; `user` is stamped by the server (see the [sync:R4] test). */
const nameSeenBy = (observer: TestClient, clientId: number): unknown =>
  (observer.provider.awareness.getStates().get(clientId) as { status?: string } | undefined)?.status

describe('presence (awareness)', () => {
  it('[sync:A1][sync:A2] a peer sees another peer’s presence, and sees it go when that peer leaves', async () => {
    const roomId = await createRoom(server)
    const [a, b] = [client(roomId), client(roomId)]
    await Promise.all([a.whenSynced(), b.whenSynced()])

    a.provider.awareness.setLocalStateField('status', 'Ada')
    await waitFor(() => nameSeenBy(b, a.doc.clientID) === 'Ada', { what: 'B to see Ada' })
    a.provider.awareness.setLocalStateField('status', 'Ada L.')
    await waitFor(() => nameSeenBy(b, a.doc.clientID) === 'Ada L.', { what: 'the rename' })

    a.destroy()
    await waitFor(() => !b.provider.awareness.getStates().has(a.doc.clientID), {
      what: 'A’s presence to be removed',
    })
  })

  it('[sync:A2] a peer that vanishes without a goodbye has its presence removed by the server', async () => {
    const roomId = await createRoom(server)
    const b = client(roomId)
    await b.whenSynced()
    // A raw peer announces itself, then its TCP connection is cut: it never sends a null state,
    // so only the server can tell B that it is gone.
    const ghost = await raw(roomId)
    ghost.ws.send(awarenessFrame([{ clientId: 4242, clock: 1, stateJson: '{"user":"ghost"}' }]))
    await waitFor(() => b.provider.awareness.getStates().has(4242), { what: 'B to see the ghost' })
    ghost.ws.terminate()
    await waitFor(() => !b.provider.awareness.getStates().has(4242), { what: 'ghost removal' })
  })

  it('[sync:A3] a peer cannot set or remove the presence of a client id another live peer owns', async () => {
    const roomId = await createRoom(server)
    const [a, b] = [client(roomId), client(roomId)]
    await Promise.all([a.whenSynced(), b.whenSynced()])
    a.provider.awareness.setLocalStateField('status', 'Ada')
    await waitFor(() => nameSeenBy(b, a.doc.clientID) === 'Ada', { what: 'B to see Ada' })

    // Mallory claims A's client id with a clock far ahead, then asks for everyone's state: the
    // server answers after handling the claim, on the same connection.
    const mallory = await raw(roomId)
    const isA = (entry: AwarenessEntry) => entry.clientId === a.doc.clientID
    await waitFor(() => awarenessSeen(mallory).some(isA), { what: 'the states sent on join' })
    const joinFrames = mallory.received.length
    const spoof = (stateJson: string, clock: number) =>
      mallory.ws.send(awarenessFrame([{ clientId: a.doc.clientID, clock, stateJson }]))
    spoof('{"user":{"name":"Mallory"}}', 1000)
    mallory.ws.send(queryAwarenessFrame())
    const answer = () => awarenessSeen(mallory, joinFrames).filter(isA)
    await waitFor(() => answer().length > 0, { what: 'the awareness query to be answered' })
    expect(answer().map((e) => JSON.parse(e.stateJson))).toEqual([
      expect.objectContaining({ status: 'Ada' }),
    ])

    // Nor can Mallory remove A's state, neither explicitly nor by leaving.
    spoof('null', 1001)
    mallory.ws.close()
    await mallory.closed
    // A round trip from A that B must see after anything Mallory could have caused.
    a.provider.awareness.setLocalStateField('status', 'Ada (still here)')
    await waitFor(() => nameSeenBy(b, a.doc.clientID) === 'Ada (still here)', {
      what: 'B to keep seeing A',
    })
    expect(b.closes).toEqual([])
  })

  // Stock providers echo every presence change they apply, including A's departure; the server
  // must neither let that echo take A's client id, nor ignore A's return as outdated.
  it('[sync:A3] a peer that reconnects after a network drop gets its presence back', async () => {
    const roomId = await createRoom(server)
    const [a, b] = [client(roomId), client(roomId)]
    await Promise.all([a.whenSynced(), b.whenSynced()])
    a.provider.awareness.setLocalStateField('status', 'Ada')
    await waitFor(() => nameSeenBy(b, a.doc.clientID) === 'Ada', { what: 'B to see Ada' })

    // Cut A's socket: the provider reconnects on its own, with the same client id.
    a.provider.ws?.close(4000, 'network drop')
    await waitFor(() => !b.provider.awareness.getStates().has(a.doc.clientID))
    await waitFor(() => a.provider.synced, { what: 'A to reconnect' })
    // Without any new change on A's side, A reappears for B.
    await waitFor(() => nameSeenBy(b, a.doc.clientID) === 'Ada', {
      what: 'B to see A again after the reconnect',
    })
    a.provider.awareness.setLocalStateField('status', 'Ada again')
    await waitFor(() => nameSeenBy(b, a.doc.clientID) === 'Ada again', { what: 'the rename' })
  })

  it('[sync:P4] a joiner receives the current presence states when it joins', async () => {
    const roomId = await createRoom(server)
    const [a, b] = [client(roomId), client(roomId)]
    await Promise.all([a.whenSynced(), b.whenSynced()])
    a.provider.awareness.setLocalStateField('status', 'Ada')
    await waitFor(() => nameSeenBy(b, a.doc.clientID) === 'Ada', { what: 'B to see Ada' })

    // Sends nothing at all: whatever it learns, the server volunteered on join.
    const joiner = await raw(roomId)
    await waitFor(() => awarenessSeen(joiner).some((e) => e.clientId === a.doc.clientID), {
      what: 'presence on join',
    })
    const ada = awarenessSeen(joiner).find((e) => e.clientId === a.doc.clientID)
    expect(JSON.parse(ada!.stateJson)).toMatchObject({
      status: 'Ada',
      user: { role: 'participant' },
    })
  })

  it('[sync:R4] the name and role others see are stamped by the server from the credential', async () => {
    const roomId = await createRoom(server)
    const ada = await joinRoom(server, roomId, tokensOf(roomId).participant, 'Ada')
    const [a, b] = [client(roomId, { token: ada.token }), client(roomId)]
    await Promise.all([a.whenSynced(), b.whenSynced()])
    a.provider.awareness.setLocalStateField('user', { name: 'The CEO', role: 'facilitator' })
    a.provider.awareness.setLocalStateField('status', 'typing')
    await waitFor(() => nameSeenBy(b, a.doc.clientID) === 'typing', { what: 'B to see A' })
    expect(b.provider.awareness.getStates().get(a.doc.clientID)).toMatchObject({
      user: { name: 'Ada', role: 'participant', id: ada.memberId },
    })
  })
})

/**
 * Presence in anonymous rooms, through the real server and stock y-websocket clients: others
 * still see who is there and where, but no presence names the shapes its author has selected —
 * tldraw selects a note its author has just made, so that would tie the note to a name.
 */
import { describe, expect, it } from 'vitest'
import { useSharedServer } from '../support/fixtures.js'
import { type AwarenessEntry, decodeServerFrame } from '../support/frames.js'
import { openRawSocket } from '../support/raw-socket.js'
import { createRoom, joinRoom, sendCommand, tokensOf } from '../support/server-process.js'
import type { TestClient } from '../support/yjs-client.js'
import { waitFor } from '../support/wait.js'

const shared = useSharedServer()

/** What tldraw publishes just after its author made a note (the note is selected). */
function presenceWith(note: string, x: number) {
  return {
    typeName: 'instance_presence',
    id: 'instance_presence:1',
    userId: 'user:someone',
    userName: 'Someone',
    cursor: { x, y: 20, type: 'default', rotation: 0 },
    camera: { x: 0, y: 0, z: 1 },
    selectedShapeIds: [note],
    meta: { lastNote: note },
  }
}

/** A room with Ada writing and Bob watching her presence, both connected as members. */
async function roomWithAdaAndBob(anonymous: boolean) {
  const roomId = await createRoom(shared.server)
  const { facilitator, participant } = tokensOf(roomId)
  await sendCommand(shared.server, roomId, facilitator, { type: 'room.settings', anonymous })
  const ada = await joinRoom(shared.server, roomId, participant, 'Ada')
  const bob = await joinRoom(shared.server, roomId, participant, 'Bob')
  const a = shared.client(roomId, { token: ada.token })
  const b = shared.client(roomId, { token: bob.token })
  await Promise.all([a.whenSynced(), b.whenSynced()])
  return { roomId, facilitator, ada, a, b }
}

type Seen = { user?: { name?: string }; presence?: Record<string, unknown>; status?: string }

/** Ada publishes a presence; resolves with what Bob sees once her cursor has reached `x`. */
async function publish(a: TestClient, b: TestClient, note: string, x: number): Promise<Seen> {
  // One change, one message: the server applies a connection's presence at a bounded rate, so of
  // two quick messages Bob could see the first applied on its own before the second.
  a.provider.awareness.setLocalState({
    ...a.provider.awareness.getLocalState(),
    presence: presenceWith(note, x),
    status: `made ${note}`,
  })
  const seen = () => b.provider.awareness.getStates().get(a.doc.clientID) as Seen | undefined
  await waitFor(() => (seen()?.presence?.cursor as { x?: number } | undefined)?.x === x, {
    what: 'Bob to see Ada’s cursor',
  })
  return seen()!
}

describe('presence in anonymous rooms', () => {
  it('[sync:R4] in a named room, others see what a person has selected', async () => {
    const { a, b } = await roomWithAdaAndBob(false)
    const seen = await publish(a, b, 'shape:ada-note', 10)
    expect(seen.user?.name).toBe('Ada')
    expect(seen.presence?.selectedShapeIds).toEqual(['shape:ada-note'])
    expect(seen.status).toBe('made shape:ada-note')
  })

  it('[sync:R4][fac:AN1] in an anonymous room, names and cursors pass; nothing names a shape', async () => {
    const { roomId, a, b } = await roomWithAdaAndBob(true)
    const seen = await publish(a, b, 'shape:ada-note', 10)
    expect(seen.user?.name).toBe('Ada')
    expect(seen.presence).toMatchObject({ userName: 'Ada', camera: { x: 0, y: 0, z: 1 } })
    expect(seen.presence?.selectedShapeIds).toEqual([])
    expect(seen.presence?.meta).toEqual({})
    expect(seen).not.toHaveProperty('status')

    // A late joiner gets the stored presence states on join: stripped too.
    const joiner = await openRawSocket(shared.server.wsUrl, roomId)
    const entries = (): AwarenessEntry[] =>
      joiner.received.flatMap((frame) => {
        const message = decodeServerFrame(frame)
        return message.type === 'awareness' ? message.entries : []
      })
    await waitFor(() => entries().some((entry) => entry.clientId === a.doc.clientID), {
      what: 'the joiner to get Ada’s presence',
    })
    const bytes = joiner.received.map((f) => Buffer.from(f).toString('latin1')).join('')
    expect(bytes).toContain('Ada')
    expect(bytes).not.toContain('ada-note')
    joiner.ws.terminate()
  })

  it('[fac:AN1] a room made anonymous strips the next presence update', async () => {
    const { roomId, facilitator, a, b } = await roomWithAdaAndBob(false)
    expect((await publish(a, b, 'shape:before', 10)).presence?.selectedShapeIds).toEqual([
      'shape:before',
    ])
    await sendCommand(shared.server, roomId, facilitator, {
      type: 'room.settings',
      anonymous: true,
    })
    expect((await publish(a, b, 'shape:after', 30)).presence?.selectedShapeIds).toEqual([])
  })
})

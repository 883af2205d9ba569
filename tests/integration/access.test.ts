import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { entryOf, hasEntry, putEntry } from '../support/board-entries.js'
import { useSharedServer } from '../support/fixtures.js'
import { awarenessFrame, SyncType, syncFrame } from '../support/frames.js'
import { readDatabase } from '../support/inspect.js'
import { openRawSocket } from '../support/raw-socket.js'
import { createRoom, joinRoom, sendCommand, tokensOf } from '../support/server-process.js'
import { waitFor } from '../support/wait.js'

const shared = useSharedServer()

function storedUpdateCount(roomId: string): number {
  return readDatabase(shared.server.dbPath, (db) => {
    const row = db
      .prepare('SELECT count(*) AS n FROM document_updates WHERE room_id = ?')
      .get(roomId) as { n: number }
    return row.n
  })
}

function update(write: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc()
  write(doc)
  return Y.encodeStateAsUpdate(doc)
}

describe('roles on the sync connection', () => {
  it('[srv:R5] no token, or a wrong one, is refused with 4401', async () => {
    const roomId = await createRoom(shared.server)
    for (const token of [
      null,
      'wrong-token',
      tokensOf(await createRoom(shared.server)).participant,
    ]) {
      const raw = await openRawSocket(shared.server.wsUrl, roomId, { token })
      expect(await raw.closed).toEqual({
        code: 4401,
        reason: 'a valid token for this room is required',
      })
    }
  })

  it('[sync:R3] a viewer’s edits never reach anyone else, nor storage', async () => {
    const roomId = await createRoom(shared.server)
    const writer = shared.client(roomId)
    await writer.whenSynced()
    putEntry(writer.doc, 't', 'agreed text')
    const viewer = shared.client(roomId, { token: tokensOf(roomId).viewer })
    await viewer.whenSynced()
    await waitFor(() => entryOf(viewer.doc, 't') === 'agreed text')
    const storedBefore = storedUpdateCount(roomId)

    // Valid board records, which any writer may write: only the viewer's role refuses them.
    // Through the stock client…
    putEntry(viewer.doc, 't', 'VIEWER WAS HERE')
    // …and as a raw frame.
    const raw = await openRawSocket(shared.server.wsUrl, roomId, { token: tokensOf(roomId).viewer })
    await raw.receivedAtLeast(1)
    raw.ws.send(
      syncFrame(
        SyncType.Update,
        update((doc) => putEntry(doc, 'forged', 'v')),
      ),
    )
    raw.ws.send(awarenessFrame([{ clientId: 99, clock: 1, stateJson: '{"user":"lurker"}' }]))

    // A marker written after the forgeries arrives: anything forged would have arrived first.
    putEntry(writer.doc, 'marker', 'done')
    const late = shared.client(roomId)
    await late.whenSynced()
    await waitFor(() => entryOf(late.doc, 'marker') === 'done')
    expect(entryOf(late.doc, 't')).toBe('agreed text')
    expect(hasEntry(late.doc, 'forged')).toBe(false)
    expect(entryOf(writer.doc, 't')).toBe('agreed text')
    expect(writer.provider.awareness.getStates().has(99)).toBe(false)
    expect(storedUpdateCount(roomId)).toBe(storedBefore + 1) // the marker only
    // The viewer is told, not thrown out: it keeps watching.
    expect(viewer.closes).toEqual([])
    putEntry(writer.doc, 'marker', 'after')
    await waitFor(() => entryOf(viewer.doc, 'marker') === 'after')
    raw.ws.terminate()
  })

  it('[srv:R7] a rotated link can no longer connect, and its open connections are closed', async () => {
    const roomId = await createRoom(shared.server)
    const oldToken = tokensOf(roomId).participant
    const ada = await joinRoom(shared.server, roomId, oldToken, 'Ada')
    const byLink = shared.client(roomId)
    const byMember = shared.client(roomId, { token: ada.token })
    const facilitator = shared.client(roomId, { token: tokensOf(roomId).facilitator })
    await Promise.all([byLink.whenSynced(), byMember.whenSynced(), facilitator.whenSynced()])

    const rotated = await sendCommand(shared.server, roomId, tokensOf(roomId).facilitator, {
      type: 'token.rotate',
      role: 'participant',
    })
    expect(rotated.status).toBe(200)
    expect(rotated.body).toMatchObject({ role: 'participant', disconnected: 2 })
    await waitFor(() => byLink.closes.length > 0 && byMember.closes.length > 0)
    expect(byLink.closes[0]).toEqual({ code: 4401, reason: 'share link rotated' })
    expect(byMember.closes[0]?.code).toBe(4401)
    expect(facilitator.closes).toEqual([])

    for (const token of [oldToken, ada.token]) {
      const raw = await openRawSocket(shared.server.wsUrl, roomId, { token })
      expect((await raw.closed).code).toBe(4401)
    }
  })

  it('[fac:R1] a participant’s facilitator command is refused with 403 over HTTP', async () => {
    const roomId = await createRoom(shared.server)
    const response = await sendCommand(shared.server, roomId, tokensOf(roomId).participant, {
      type: 'token.rotate',
      role: 'viewer',
    })
    expect(response).toEqual({
      status: 403,
      body: { error: 'forbidden', message: 'a participant may not rotate share links' },
    })
  })
})

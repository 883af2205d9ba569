import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { useSharedServer } from '../support/fixtures.js'
import { decodeServerFrame, SyncType, syncFrame } from '../support/frames.js'
import { openRawSocket } from '../support/raw-socket.js'
import { createRoom, joinRoom, sendCommand, tokensOf } from '../support/server-process.js'
import { waitFor } from '../support/wait.js'

const shared = useSharedServer()

/** Sets up a room in a private-writing phase, with Ada and Bob connected and publishing presence. */
async function writingRoom(anonymous: boolean) {
  const roomId = await createRoom(shared.server)
  const facilitator = tokensOf(roomId).facilitator
  const rules = { boardEditing: true, privateWriting: true, reveal: 'facilitator', voting: true }
  await sendCommand(shared.server, roomId, facilitator, {
    type: 'phases.update',
    phases: [{ name: 'Write', rules }],
  })
  await sendCommand(shared.server, roomId, facilitator, { type: 'room.settings', anonymous })
  const ada = await joinRoom(shared.server, roomId, tokensOf(roomId).participant, 'Ada')
  const bob = await joinRoom(shared.server, roomId, tokensOf(roomId).participant, 'Bob')
  const clients = [
    shared.client(roomId, { token: ada.token }),
    shared.client(roomId, { token: bob.token }),
  ]
  await Promise.all(clients.map((client) => client.whenSynced()))
  for (const client of clients)
    client.provider.awareness.setLocalStateField('cursor', { x: 1, y: 2 })
  // An observer that keeps every frame the server sends it, starting with the whole document.
  const observer = await openRawSocket(shared.server.wsUrl, roomId)
  observer.ws.send(syncFrame(SyncType.Step1, Y.encodeStateVector(new Y.Doc())))
  await observer.receivedAtLeast(3)
  return { roomId, facilitator, ada, bob, clients, observer }
}

/** Everything in the observer's frames: document updates and awareness entries. */
function seenBy(observer: { received: Uint8Array[] }) {
  const updates: Uint8Array[] = []
  const awareness: { clientId: number; stateJson: string }[] = []
  for (const frame of observer.received) {
    const message = decodeServerFrame(frame)
    if (message.type === 'awareness') awareness.push(...message.entries)
    else if (message.syncType !== SyncType.Step1) updates.push(message.data)
  }
  return { updates, awareness }
}

const text = (bytes: Uint8Array[]) => bytes.map((b) => Buffer.from(b).toString('latin1')).join('')

describe('private writing', () => {
  it('[fac:PW1] until reveal, no byte another client receives contains a private note', async () => {
    const { roomId, facilitator, ada, observer } = await writingRoom(false)
    const secret = 'Our on-call rota is burning people out'
    expect(
      (await sendCommand(shared.server, roomId, ada.token, { type: 'notes.add', text: secret }))
        .status,
    ).toBe(200)
    // Let anything that might be sent arrive, then look at every byte.
    await waitFor(() => seenBy(observer).awareness.length >= 2)
    expect(text(observer.received)).not.toContain('burning')

    await sendCommand(shared.server, roomId, facilitator, { type: 'notes.reveal', scope: 'all' })
    const revealed = new Y.Doc()
    await waitFor(() => {
      for (const update of seenBy(observer).updates) Y.applyUpdate(revealed, update)
      return JSON.stringify(revealed.getMap('tldraw:records').toJSON()).includes('burning')
    })
    observer.ws.terminate()
  })

  it('[fac:AN1] anonymous: nothing received ties a revealed note to its author', async () => {
    const { roomId, facilitator, ada, bob, clients, observer } = await writingRoom(true)
    await sendCommand(shared.server, roomId, ada.token, { type: 'notes.add', text: 'Note from A' })
    await sendCommand(shared.server, roomId, bob.token, { type: 'notes.add', text: 'Note from B' })
    await sendCommand(shared.server, roomId, facilitator, { type: 'notes.reveal', scope: 'all' })

    const doc = new Y.Doc()
    await waitFor(() => {
      for (const update of seenBy(observer).updates) Y.applyUpdate(doc, update)
      return [...doc.getMap('tldraw:records').values()].length >= 2
    })
    const notes = [...doc.getMap<Record<string, unknown>>('tldraw:records').values()].filter(
      (record) => record.type === 'note',
    )
    expect(notes).toHaveLength(2)
    // No author in the records: no member id, no name, no attribution.
    const recordsText = JSON.stringify(notes)
    for (const who of [ada.memberId, bob.memberId, 'Ada', 'Bob'])
      expect(recordsText).not.toContain(who)
    // No participant's Yjs client id on them: the server wrote them.
    const writers = new Set<number>()
    for (const update of seenBy(observer).updates) {
      for (const struct of Y.decodeUpdate(update).structs) {
        if (
          JSON.stringify((struct as { content?: unknown }).content ?? null).includes('Note from')
        ) {
          writers.add(struct.id.client)
        }
      }
    }
    const participantIds = clients.map((client) => client.doc.clientID)
    const presenceIds = seenBy(observer).awareness.map((entry) => entry.clientId)
    expect(writers.size).toBeGreaterThan(0)
    for (const writer of writers) {
      expect(participantIds).not.toContain(writer)
      expect(presenceIds).not.toContain(writer)
    }
    observer.ws.terminate()
  })

  it('[fac:AN1] anonymous: a vote publishes only its tally, never who voted for what', async () => {
    const { roomId, facilitator, ada, bob, observer } = await writingRoom(true)
    const items = [
      { id: 'shape:x', label: 'X' },
      { id: 'shape:y', label: 'Y' },
    ]
    await sendCommand(shared.server, roomId, facilitator, {
      type: 'vote.open',
      items,
      dotsPerPerson: 2,
      maxPerItem: 2,
    })
    await sendCommand(shared.server, roomId, ada.token, { type: 'vote.cast', itemId: 'shape:x' })
    await sendCommand(shared.server, roomId, bob.token, { type: 'vote.cast', itemId: 'shape:y' })
    await sendCommand(shared.server, roomId, facilitator, { type: 'vote.close' })
    const doc = new Y.Doc()
    await waitFor(() => {
      for (const update of seenBy(observer).updates) Y.applyUpdate(doc, update)
      return (
        (doc.getMap('accord:room').get('vote') as { status?: string } | undefined)?.status ===
        'closed'
      )
    })
    // The tally is public; nothing in the room state names a voter.
    const vote = doc.getMap('accord:room').get('vote') as {
      results: { itemId: string; dots: number }[]
    }
    expect(vote.results.map((r) => r.dots)).toEqual([1, 1])
    const roomState = JSON.stringify(doc.getMap('accord:room').toJSON())
    for (const who of [ada.memberId, bob.memberId, 'Ada', 'Bob'])
      expect(roomState).not.toContain(who)
    observer.ws.terminate()
  })
})

import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { useSharedServer } from '../support/fixtures.js'
import { createRoom, joinRoom, sendCommand, tokensOf } from '../support/server-process.js'
import { waitFor } from '../support/wait.js'

const shared = useSharedServer()

interface Vote {
  status: string
  results: { itemId: string; dots: number }[] | null
}

describe('dot voting against the real server', () => {
  it('[fac:V2][fac:V3] a 4th dot is refused; tallies travel to clients only once the vote closes', async () => {
    const roomId = await createRoom(shared.server)
    const facilitator = tokensOf(roomId).facilitator
    const ada = await joinRoom(shared.server, roomId, tokensOf(roomId).participant, 'Ada')
    const observer = shared.client(roomId)
    await observer.whenSynced()
    // Every byte the observer's document receives, to check what travels over the wire.
    const received: Uint8Array[] = []
    observer.doc.on('update', (update: Uint8Array) => received.push(update))

    const items = [
      { id: 'shape:a', label: 'First item' },
      { id: 'shape:b', label: 'Second item' },
    ]
    await sendCommand(shared.server, roomId, facilitator, {
      type: 'vote.open',
      items,
      dotsPerPerson: 3,
      maxPerItem: 3,
    })
    const vote = () => observer.doc.getMap('accord:room').get('vote') as Vote | undefined
    await waitFor(() => vote()?.status === 'open')

    for (const itemId of ['shape:a', 'shape:a', 'shape:b']) {
      expect(
        (await sendCommand(shared.server, roomId, ada.token, { type: 'vote.cast', itemId })).status,
      ).toBe(200)
    }
    const fourth = await sendCommand(shared.server, roomId, ada.token, {
      type: 'vote.cast',
      itemId: 'shape:b',
    })
    expect(fourth).toEqual({
      status: 409,
      body: { error: 'refused', message: 'you have used all 3 of your dots' },
    })

    // While open, nothing a client received carries dots.
    const openState = new Y.Doc()
    for (const update of received) Y.applyUpdate(openState, update)
    expect(JSON.stringify(openState.toJSON())).not.toContain('"dots"')
    expect(vote()?.results).toBeNull()

    await sendCommand(shared.server, roomId, facilitator, { type: 'vote.close' })
    await waitFor(() => vote()?.status === 'closed')
    expect(vote()?.results).toEqual([
      expect.objectContaining({ itemId: 'shape:a', dots: 2 }),
      expect.objectContaining({ itemId: 'shape:b', dots: 1 }),
    ])
  })
})

import { describe, expect, it } from 'vitest'
import { useSharedServer } from '../support/fixtures.js'
import { createRoom, sendCommand, tokensOf } from '../support/server-process.js'
import { waitFor } from '../support/wait.js'

const shared = useSharedServer()
const STATE = 'accord:room'

type Plan = { currentIndex: number; phases: { name: string }[] }

describe('server-owned room state', () => {
  it('[R5] a client cannot write the room state; the forgery reaches nobody', async () => {
    const roomId = await createRoom(shared.server)
    const mallory = shared.client(roomId, { token: tokensOf(roomId).facilitator })
    const observer = shared.client(roomId)
    await Promise.all([mallory.whenSynced(), observer.whenSynced()])
    // Even a facilitator's socket cannot write it directly: only commands can.
    mallory.doc.getMap(STATE).set('plan', { phases: [{ name: 'Forged' }], currentIndex: 0 })
    mallory.doc.getMap('board').set('after', true) // a later, honest write still goes through
    await waitFor(() => observer.doc.getMap('board').get('after') === true)
    expect(observer.doc.getMap(STATE).get('plan')).toBeUndefined()
    const late = shared.client(roomId)
    await late.whenSynced()
    expect(late.doc.getMap(STATE).get('plan')).toBeUndefined()
    expect(mallory.closes).toEqual([])
  })

  it('[PH1] a phase change by command reaches every client, live', async () => {
    const roomId = await createRoom(shared.server)
    const participant = shared.client(roomId)
    await participant.whenSynced()
    const rules = { boardEditing: true, privateWriting: false, reveal: 'none', voting: true }
    const facilitator = tokensOf(roomId).facilitator
    await sendCommand(shared.server, roomId, facilitator, {
      type: 'phases.update',
      phases: [
        { name: 'Write', rules },
        { name: 'Vote', rules },
      ],
    })
    const answer = await sendCommand(shared.server, roomId, facilitator, {
      type: 'phase.set',
      index: 1,
    })
    expect(answer.status).toBe(200)
    await waitFor(
      () => (participant.doc.getMap(STATE).get('plan') as Plan | undefined)?.currentIndex === 1,
    )
    const plan = participant.doc.getMap(STATE).get('plan') as Plan
    expect(plan.phases.map((phase) => phase.name)).toEqual(['Write', 'Vote'])
  })
})

import { describe, expect, it } from 'vitest'
import { entryOf, putEntry } from '../support/board-entries.js'
import { boardRecords, frameShape, noteShape, putShapes } from '../support/board-records.js'
import { useSharedServer } from '../support/fixtures.js'
import { createRoom, sendCommand, tokensOf } from '../support/server-process.js'
import { waitFor } from '../support/wait.js'

const shared = useSharedServer()
const STATE = 'accord:room'

type Plan = { currentIndex: number; phases: { name: string }[] }

/** The phase names a client sees (a new blank room starts with one free-board phase). */
const phaseNames = (doc: { getMap(name: string): { get(key: string): unknown } }) =>
  (doc.getMap(STATE).get('plan') as Plan | undefined)?.phases.map((phase) => phase.name)

describe('server-owned room state', () => {
  it('[sync:R5] a client cannot write the room state; the forgery reaches nobody', async () => {
    const roomId = await createRoom(shared.server)
    const mallory = shared.client(roomId, { token: tokensOf(roomId).facilitator })
    const observer = shared.client(roomId)
    await Promise.all([mallory.whenSynced(), observer.whenSynced()])
    // Even a facilitator's socket cannot write it directly: only commands can.
    mallory.doc.getMap(STATE).set('plan', { phases: [{ name: 'Forged' }], currentIndex: 0 })
    putEntry(mallory.doc, 'after', true) // a later, honest write still goes through
    await waitFor(() => entryOf(observer.doc, 'after') === true)
    expect(phaseNames(observer.doc)).toEqual(['Free board'])
    const late = shared.client(roomId)
    await late.whenSynced()
    expect(phaseNames(late.doc)).toEqual(['Free board'])
    expect(mallory.closes).toEqual([])
  })

  it('[fac:PH3] a participant’s phase.set is refused with 403, and nothing changes', async () => {
    const roomId = await createRoom(shared.server)
    const observer = shared.client(roomId)
    await observer.whenSynced()
    const answer = await sendCommand(shared.server, roomId, tokensOf(roomId).participant, {
      type: 'phase.set',
      index: 0,
    })
    expect(answer).toEqual({
      status: 403,
      body: { error: 'forbidden', message: 'a participant may not change the phase' },
    })
    expect(phaseNames(observer.doc)).toEqual(['Free board'])
  })

  it('[fac:PH1] a phase change by command reaches every client, live', async () => {
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

  it('[fac:L2] a participant’s write into a locked frame is refused and reaches nobody', async () => {
    const roomId = await createRoom(shared.server)
    const facilitator = tokensOf(roomId).facilitator
    const writer = shared.client(roomId)
    const observer = shared.client(roomId)
    await Promise.all([writer.whenSynced(), observer.whenSynced()])
    const records = boardRecords
    const frame = { id: 'shape:frame', parentId: 'page:page', x: 0, y: 0, index: 'a1' }
    const note = { id: 'shape:note', text: 'In the frame', parentId: 'shape:frame', y: 40 }
    putShapes(writer.doc, frameShape({ ...frame, name: 'Frame', w: 400, h: 300 }))
    putShapes(writer.doc, noteShape({ ...note, x: 0, index: 'a1' }))
    await waitFor(() => records(observer.doc).has('shape:note'))

    const locked = await sendCommand(shared.server, roomId, facilitator, {
      type: 'lock.set',
      target: 'frames',
      frameIds: ['shape:frame'],
      locked: true,
    })
    expect(locked.status).toBe(200)
    await waitFor(() => writer.doc.getMap(STATE).get('locks') !== undefined)

    putShapes(writer.doc, noteShape({ ...note, x: 999, index: 'a1' })) // refused
    // Allowed, and not held back.
    putShapes(
      writer.doc,
      noteShape({
        id: 'shape:loose',
        text: 'Loose',
        parentId: 'page:page',
        x: 500,
        y: 0,
        index: 'a2',
      }),
    )
    await waitFor(() => records(observer.doc).has('shape:loose'))
    expect(records(observer.doc).get('shape:note')?.x).toBe(0)
    const late = shared.client(roomId)
    await late.whenSynced()
    expect(records(late.doc).get('shape:note')?.x).toBe(0)
    expect(records(late.doc).has('shape:loose')).toBe(true)

    // A participant cannot lift the lock.
    const lift = await sendCommand(shared.server, roomId, tokensOf(roomId).participant, {
      type: 'lock.set',
      target: 'board',
      locked: false,
    })
    expect(lift.status).toBe(403)
  })
})

import { describe, expect, it } from 'vitest'
import { phasePresets } from './phases.js'
import {
  checkPrivateWriting,
  checkRevealAll,
  checkRevealOwn,
  revealOrder,
  revealPositions,
} from './private-notes.js'
import { initialRoomState, type RoomState } from './room-state.js'

function inPhase(preset: keyof typeof phasePresets, anonymous = false): RoomState {
  return {
    ...initialRoomState(),
    plan: { phases: [{ id: 'p', ...phasePresets[preset] }], currentIndex: 0 },
    settings: { anonymous },
  }
}

const note = (memberId: string, at: number) => ({
  memberId,
  createdAt: new Date(at),
  id: `${memberId}-${at}`,
})

describe('private writing and reveal', () => {
  it('[fac:PW1] private notes are written only in a private-writing phase', () => {
    expect(checkPrivateWriting(inPhase('private-writing')).ok).toBe(true)
    expect(checkPrivateWriting(inPhase('free'))).toEqual({
      ok: false,
      error: 'private writing is not open in this phase',
    })
  })

  it('[fac:PW2] who may reveal follows the phase', () => {
    expect(checkRevealOwn(inPhase('private-writing')).ok).toBe(true) // preset: each person reveals
    expect(checkRevealOwn(inPhase('reveal')).ok).toBe(false) // preset: facilitator reveals
    expect(checkRevealAll(inPhase('reveal')).ok).toBe(true)
    expect(checkRevealAll(inPhase('private-writing')).ok).toBe(true)
    expect(checkRevealAll(inPhase('free')).ok).toBe(false)
  })

  it('[fac:AN2] in an anonymous room nobody reveals their own', () => {
    expect(checkRevealOwn(inPhase('private-writing', true))).toEqual({
      ok: false,
      error: 'in an anonymous room the facilitator reveals all notes at once',
    })
  })

  it('[fac:AN1] named: grouped by author in the order they started writing', () => {
    const notes = [note('bob', 5), note('ada', 3), note('bob', 1), note('ada', 4)]
    expect(revealOrder(notes, false).map((n) => n.id)).toEqual(['bob-1', 'bob-5', 'ada-3', 'ada-4'])
  })

  it('[fac:AN1] anonymous: shuffled, so the order does not follow authors', () => {
    const notes = [note('ada', 1), note('ada', 2), note('bob', 3), note('bob', 4)]
    let seed = 7
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646
    const order = revealOrder(notes, true, random).map((n) => n.id)
    expect([...order].sort()).toEqual(['ada-1', 'ada-2', 'bob-3', 'bob-4'])
    expect(order).not.toEqual(['ada-1', 'ada-2', 'bob-3', 'bob-4'])
  })

  it('lays revealed notes out below what is already on the board', () => {
    expect(revealPositions([], 2)).toEqual([
      { x: 0, y: 0 },
      { x: 240, y: 0 },
    ])
    const below = revealPositions(
      [
        { x: -100, y: 50 },
        { x: 300, y: 400 },
      ],
      7,
    )
    expect(below[0]).toEqual({ x: -100, y: 680 })
    expect(below[6]).toEqual({ x: -100, y: 920 })
  })
})

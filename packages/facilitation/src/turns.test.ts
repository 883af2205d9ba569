import { describe, expect, it } from 'vitest'
import { initialRoomState, type RoomState } from './room-state.js'
import { checkRevealTurn, passTurn, startTurns, turnTaker, type Turns } from './turns.js'

const ada = { memberId: 'ada', name: 'Ada' }
const bo = { memberId: 'bo', name: 'Bo' }
const cy = { memberId: 'cy', name: 'Cy' }

function inTurnPhase(turns: Turns | null): RoomState {
  const state = initialRoomState()
  const phase = {
    ...state.plan.phases[0]!,
    rules: { ...state.plan.phases[0]!.rules, reveal: 'turn' as const },
  }
  return { ...state, plan: { phases: [phase], currentIndex: 0 }, turns }
}

describe('round-robin turns', () => {
  it('[fac:RR1] the chosen person goes first, then the others in writing order', () => {
    const turns = startTurns([ada, bo, cy], 'cy')
    expect(turns.ok && turns.value.order.map((t) => t.memberId)).toEqual(['cy', 'ada', 'bo'])
    expect(turns.ok && turnTaker(turns.value)).toEqual(cy)
    const unknownFirst = startTurns([ada, bo], 'zed')
    expect(unknownFirst.ok && unknownFirst.value.order).toEqual([ada, bo])
    expect(startTurns([], null).ok).toBe(false)
  })

  it('[fac:RR2] only the person whose turn it is may reveal, only in a round-robin phase', () => {
    const turns = { order: [ada, bo], current: 1, shared: 0 }
    expect(checkRevealTurn(inTurnPhase(turns), 'bo').ok).toBe(true)
    expect(checkRevealTurn(inTurnPhase(turns), 'ada')).toEqual({
      ok: false,
      error: "it is Bo's turn",
    })
    expect(checkRevealTurn(inTurnPhase(null), 'bo').ok).toBe(false)
    expect(checkRevealTurn({ ...initialRoomState(), turns }, 'bo').ok).toBe(false)
    const anonymous = { ...inTurnPhase(turns), settings: { anonymous: true } }
    expect(checkRevealTurn(anonymous, 'bo')).toEqual({
      ok: false,
      error: 'in an anonymous room the facilitator reveals all notes at once',
    })
  })

  it('[fac:RR3] the turn goes round, passing over people with nothing left, until all is shared', () => {
    const left = new Map([
      ['ada', 2],
      ['bo', 0],
      ['cy', 1],
    ])
    const hasLeft = (id: string) => (left.get(id) ?? 0) > 0
    let turns: Turns = { order: [ada, bo, cy], current: 0, shared: 0 }
    const takers: string[] = []
    while (turns.current !== null) {
      const taker = turnTaker(turns)!
      takers.push(taker.memberId)
      left.set(taker.memberId, (left.get(taker.memberId) ?? 0) - 1)
      turns = passTurn(turns, hasLeft, true)
    }
    expect(takers).toEqual(['ada', 'cy', 'ada'])
    expect(turns.shared).toBe(3)
  })
})

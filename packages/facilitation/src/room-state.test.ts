import { describe, expect, it } from 'vitest'
import { initialRoomState, readRoomState } from './room-state.js'

describe('readRoomState', () => {
  it('reads what the server wrote', () => {
    const state = {
      plan: initialRoomState().plan,
      timer: { state: 'running', durationMs: 5, endsAt: 9 },
    }
    expect(readRoomState(state)).toEqual(state)
  })

  it('falls back to initial values for anything missing or malformed', () => {
    expect(readRoomState({})).toEqual(initialRoomState())
    expect(
      readRoomState({ plan: { phases: [], currentIndex: 0 }, timer: { state: 'weird' } }),
    ).toEqual(initialRoomState())
    const outOfRange = { phases: initialRoomState().plan.phases, currentIndex: 5 }
    expect(readRoomState({ plan: outOfRange }).plan).toEqual(initialRoomState().plan)
  })
})

import { describe, expect, it } from 'vitest'
import { initialRoomState, participantLocks, readRoomState } from './room-state.js'

describe('readRoomState', () => {
  it('reads what the server wrote', () => {
    const state = {
      plan: initialRoomState().plan,
      timer: { state: 'running', durationMs: 5, endsAt: 9 },
      locks: { board: true, frames: ['shape:f'], layout: ['shape:r'] },
      vote: null,
      settings: { anonymous: true },
      summon: { userId: 'user:m1', at: 5, viewport: { x: -40, y: 10, w: 1280, h: 720 } },
      spotlight: 'shape:t',
      turns: { order: [{ memberId: 'm1', name: 'Ada' }], current: 0, shared: 2 },
      workshop: {
        template: 'retro',
        options: { format: 'mad-sad-glad' },
        data: {},
        closedAt: null,
      },
    }
    expect(readRoomState(state)).toEqual(state)
  })

  it('reads a summon without a viewport (or with a broken one) as one to the presence view', () => {
    expect(readRoomState({ summon: { userId: 'user:m1', at: 5 } }).summon).toEqual({
      userId: 'user:m1',
      at: 5,
      viewport: null,
    })
    const broken = { x: 0, y: 0, w: -1, h: 10 }
    expect(
      readRoomState({ summon: { userId: 'user:m1', at: 5, viewport: broken } }).summon,
    ).toMatchObject({ viewport: null })
  })

  it('reads rooms from before templates: no layout lock, no workshop', () => {
    const old = readRoomState({ locks: { board: false, frames: ['shape:f'] } })
    expect(old.locks).toEqual({ board: false, frames: ['shape:f'], layout: [] })
    expect(old.workshop).toBeNull()
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

describe('participantLocks', () => {
  it('[fac:L1] a phase without board editing locks the whole board for participants', () => {
    const state = initialRoomState()
    expect(participantLocks(state)).toEqual({ board: false, frames: [], layout: [] })
    const phase = {
      ...state.plan.phases[0]!,
      rules: { ...state.plan.phases[0]!.rules, boardEditing: false },
    }
    const frozen = {
      ...state,
      plan: { phases: [phase], currentIndex: 0 },
      locks: { board: false, frames: ['shape:f'], layout: ['shape:r'] },
    }
    expect(participantLocks(frozen)).toEqual({
      board: true,
      frames: ['shape:f'],
      layout: ['shape:r'],
    })
  })
})

import { describe, expect, it } from 'vitest'
import { stampPresence } from './presence-stamp.js'

const ada = { name: 'Ada', role: 'participant' as const, memberId: 'm1' }

describe('stampPresence', () => {
  it('[R4] replaces claimed identity with the credential’s, keeping everything else', () => {
    const claimed = {
      user: { name: 'The CEO', role: 'facilitator' },
      presence: {
        typeName: 'instance_presence',
        userName: 'The CEO',
        userId: 'user:ceo',
        cursor: { x: 1 },
      },
      status: 'typing',
    }
    expect(stampPresence(claimed, ada)).toEqual({
      user: { name: 'Ada', role: 'participant', id: 'm1' },
      presence: {
        typeName: 'instance_presence',
        userName: 'Ada',
        userId: 'user:m1',
        cursor: { x: 1 },
      },
      status: 'typing',
    })
  })

  it('gives a state that is not an object an identity anyway', () => {
    for (const state of [null, 42, 'x', [1, 2]]) {
      expect(stampPresence(state, ada)).toEqual({
        user: { name: 'Ada', role: 'participant', id: 'm1' },
      })
    }
  })

  it('a bare link holder is named by role, with an anonymous tldraw id', () => {
    const stamped = stampPresence(
      { presence: {} },
      { name: 'Participant', role: 'participant', memberId: null },
    )
    expect(stamped).toEqual({
      user: { name: 'Participant', role: 'participant' },
      presence: { userName: 'Participant', userId: 'user:participant-guest' },
    })
  })
})

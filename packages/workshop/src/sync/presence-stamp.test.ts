import { ROOM_STATE_MAP } from '@accord/facilitation'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { stampPresence } from './presence-stamp.js'

const ada = { name: 'Ada', role: 'participant' as const, memberId: 'm1' }

/** A room document whose state says whether the room is anonymous (or says nothing). */
function room(anonymous?: boolean): Y.Doc {
  const doc = new Y.Doc()
  if (anonymous !== undefined) doc.getMap(ROOM_STATE_MAP).set('settings', { anonymous })
  return doc
}

/** What tldraw publishes right after its author made a note: the note is selected. */
const justMadeANote = {
  user: { name: 'The CEO', role: 'facilitator' },
  presence: {
    typeName: 'instance_presence',
    id: 'instance_presence:7',
    userName: 'The CEO',
    userId: 'user:ceo',
    cursor: { x: 1, y: 2, type: 'default', rotation: 0 },
    camera: { x: 0, y: 0, z: 1 },
    screenBounds: { x: 0, y: 0, w: 800, h: 600 },
    followingUserId: null,
    brush: null,
    scribbles: [],
    chatMessage: '',
    selectedShapeIds: ['shape:the-note'],
    meta: { editing: 'shape:the-note' },
  },
  status: 'typing',
}

describe('stampPresence', () => {
  it('[sync:R4] replaces claimed identity with the credential’s, keeping everything else', () => {
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
    expect(stampPresence(claimed, ada, room())).toEqual({
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
      for (const anonymous of [false, true]) {
        expect(stampPresence(state, ada, room(anonymous))).toEqual({
          user: { name: 'Ada', role: 'participant', id: 'm1' },
        })
      }
    }
  })

  it('a bare link holder is named by role, with an anonymous tldraw id', () => {
    const stamped = stampPresence(
      { presence: {} },
      { name: 'Participant', role: 'participant', memberId: null },
      room(false),
    )
    expect(stamped).toEqual({
      user: { name: 'Participant', role: 'participant' },
      presence: { userName: 'Participant', userId: 'user:participant-guest' },
    })
  })

  it('[sync:R4] in a named room, selections are shown to others (tldraw outlines them)', () => {
    const stamped = stampPresence(justMadeANote, ada, room(false)) as typeof justMadeANote
    expect(stamped.presence.selectedShapeIds).toEqual(['shape:the-note'])
    expect(stamped.presence.meta).toEqual({ editing: 'shape:the-note' })
    expect(stamped.status).toBe('typing')
  })

  it('[sync:R4][fac:AN1] in an anonymous room, nothing in a presence names a shape; who and where stay', () => {
    const stamped = stampPresence(justMadeANote, ada, room(true))
    expect(JSON.stringify(stamped)).not.toContain('shape:')
    expect(stamped).toEqual({
      user: { name: 'Ada', role: 'participant', id: 'm1' },
      presence: {
        ...justMadeANote.presence,
        userName: 'Ada',
        userId: 'user:m1',
        selectedShapeIds: [],
        meta: {},
      },
    })
  })

  it('[fac:AN1] in an anonymous room, a presence that is not a tldraw record is emptied', () => {
    expect(stampPresence({ presence: 'shape:the-note' }, ada, room(true))).toEqual({
      user: { name: 'Ada', role: 'participant', id: 'm1' },
      presence: null,
    })
  })

  it('follows the room’s setting as it is now, and a room that says nothing is named', () => {
    const doc = room()
    const selected = (state: unknown) =>
      (state as typeof justMadeANote).presence.selectedShapeIds.length
    expect(selected(stampPresence(justMadeANote, ada, doc))).toBe(1)
    doc.getMap(ROOM_STATE_MAP).set('settings', { anonymous: true })
    expect(selected(stampPresence(justMadeANote, ada, doc))).toBe(0)
    doc.getMap(ROOM_STATE_MAP).set('settings', { anonymous: false })
    expect(selected(stampPresence(justMadeANote, ada, doc))).toBe(1)
  })
})

import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { relayDoc } from './relay-doc'

const records = (doc: Y.Doc) => doc.getMap<unknown>('tldraw:records')

/** The client ids of every item in a document. */
const writers = (doc: Y.Doc) =>
  new Set(Y.decodeUpdate(Y.encodeStateAsUpdate(doc)).structs.map((struct) => struct.id.client))

describe('relayDoc', () => {
  it('starts as a copy of the board and keeps both equal, both ways', () => {
    const board = new Y.Doc()
    records(board).set('shape:a', { id: 'shape:a' })
    const relay = relayDoc(board)
    expect(records(relay.doc).get('shape:a')).toEqual({ id: 'shape:a' })

    // An edit on the board goes out through the relay; one from the server comes in through it.
    records(board).set('shape:b', { id: 'shape:b' })
    const remote = new Y.Doc()
    records(remote).set('shape:c', { id: 'shape:c' })
    Y.applyUpdate(relay.doc, Y.encodeStateAsUpdate(remote), 'provider')
    for (const doc of [board, relay.doc]) {
      expect([...records(doc).keys()].sort()).toEqual(['shape:a', 'shape:b', 'shape:c'])
    }
    expect(Y.encodeStateVector(relay.doc)).toEqual(Y.encodeStateVector(board))
    relay.stop()
  })

  it('[fac:AN1] the relay’s client id (what presence is published under) is on nothing written', () => {
    const board = new Y.Doc()
    const relay = relayDoc(board)
    records(board).set('shape:note', { id: 'shape:note', type: 'note' })
    records(board).delete('shape:note')
    records(board).set('shape:other', { id: 'shape:other' })
    expect(relay.doc.clientID).not.toBe(board.clientID)
    expect(writers(relay.doc)).toEqual(new Set([board.clientID]))
    relay.stop()
  })

  it('exchanges nothing once stopped', () => {
    const board = new Y.Doc()
    const relay = relayDoc(board)
    relay.stop()
    records(board).set('shape:late', { id: 'shape:late' })
    expect(records(relay.doc).size).toBe(0)
  })
})

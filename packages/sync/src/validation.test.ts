import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { decodeAwarenessUpdate, encodeAwarenessUpdate } from './awareness-update.js'
import { inspectStateVector, inspectUpdate } from './update-validation.js'

function realUpdate(): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap('m').set('k', 'value')
  return Y.encodeStateAsUpdate(doc)
}

describe('inspectUpdate', () => {
  it('[sync:P2] accepts a real update and reports it non-empty', () => {
    expect(inspectUpdate(realUpdate())).toMatchObject({
      ok: true,
      value: { isEmpty: false, deletesOnly: false },
    })
  })

  it('[sync:P2] recognises an update that only deletes (it cannot grow the document)', () => {
    const doc = new Y.Doc()
    doc.getMap('m').set('k', 'value')
    const before = Y.encodeStateVector(doc)
    doc.getMap('m').delete('k')
    expect(inspectUpdate(Y.encodeStateAsUpdate(doc, before))).toMatchObject({
      ok: true,
      value: { isEmpty: false, deletesOnly: true },
    })
  })

  it('[sync:P2] recognises the empty update a client sends when it has nothing new', () => {
    const doc = new Y.Doc()
    expect(inspectUpdate(Y.encodeStateAsUpdate(doc))).toMatchObject({
      ok: true,
      value: { isEmpty: true, deletesOnly: true },
    })
  })

  it('[sync:P2] refuses truncated and random bytes', () => {
    const update = realUpdate()
    expect(inspectUpdate(update.subarray(0, update.length - 3)).ok).toBe(false)
    expect(inspectUpdate(Uint8Array.from([5, 200, 1, 9, 9, 9])).ok).toBe(false)
  })

  it('[sync:P2][sync:B3] refuses a deletion of an empty range (Yjs would throw half-way through applying it)', () => {
    // No structs; one client (1) with one deleted range at clock 0 of length 0.
    expect(inspectUpdate(Uint8Array.from([0, 1, 1, 1, 0, 0]))).toEqual({
      ok: false,
      error: 'invalid Yjs update: empty deletion',
    })
  })

  it('[sync:P2] refuses a struct with an unknown content type', () => {
    // One client, one struct, client id 1, clock 0, info byte with content ref 31 (unknown).
    expect(inspectUpdate(Uint8Array.from([1, 1, 1, 0, 31, 0])).ok).toBe(false)
  })
})

describe('inspectStateVector', () => {
  it('[sync:P2] accepts a real state vector and refuses a truncated one', () => {
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'hi')
    const sv = Y.encodeStateVector(doc)
    expect(inspectStateVector(sv).ok).toBe(true)
    expect(inspectStateVector(sv.subarray(0, 1)).ok).toBe(false)
  })
})

describe('awareness updates', () => {
  it('[sync:A1] round-trip entries exactly', () => {
    const entries = [
      { clientId: 7, clock: 3, stateJson: '{"user":{"name":"Ada"}}' },
      { clientId: 9, clock: 1, stateJson: 'null' },
    ]
    expect(decodeAwarenessUpdate(encodeAwarenessUpdate(entries))).toEqual({
      ok: true,
      value: entries,
    })
  })

  it('[sync:P2] refuse a state that is not JSON', () => {
    const update = encodeAwarenessUpdate([{ clientId: 1, clock: 1, stateJson: '{nope' }])
    expect(decodeAwarenessUpdate(update)).toEqual({
      ok: false,
      error: 'awareness state is not JSON',
    })
  })

  it('[sync:P2] refuse truncation and trailing bytes', () => {
    const update = encodeAwarenessUpdate([{ clientId: 1, clock: 1, stateJson: '{}' }])
    expect(decodeAwarenessUpdate(update.subarray(0, update.length - 1)).ok).toBe(false)
    expect(decodeAwarenessUpdate(Uint8Array.from([...update, 0])).ok).toBe(false)
  })
})

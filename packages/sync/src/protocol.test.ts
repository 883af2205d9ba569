import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import {
  decodeMessage,
  encodeAwareness,
  encodePermissionDenied,
  encodeQueryAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  MessageType,
  readPermissionDenied,
} from './protocol.js'

const payload = Uint8Array.from([1, 2, 3])

describe('decodeMessage', () => {
  it('[sync:P1] round-trips every client message kind', () => {
    expect(decodeMessage(encodeSyncStep1(payload))).toEqual({
      ok: true,
      value: { kind: 'sync-step-1', stateVector: payload },
    })
    expect(decodeMessage(encodeSyncStep2(payload))).toEqual({
      ok: true,
      value: { kind: 'sync-step-2', update: payload },
    })
    expect(decodeMessage(encodeUpdate(payload))).toEqual({
      ok: true,
      value: { kind: 'update', update: payload },
    })
    expect(decodeMessage(encodeAwareness(payload))).toEqual({
      ok: true,
      value: { kind: 'awareness', update: payload },
    })
    expect(decodeMessage(encodeQueryAwareness())).toEqual({
      ok: true,
      value: { kind: 'query-awareness' },
    })
  })

  it('[sync:P2] refuses an empty frame', () => {
    expect(decodeMessage(new Uint8Array())).toEqual({ ok: false, error: 'empty frame' })
  })

  it('[sync:P2] refuses unknown message and sync types', () => {
    expect(decodeMessage(Uint8Array.from([9]))).toEqual({
      ok: false,
      error: 'unknown message type 9',
    })
    expect(decodeMessage(Uint8Array.from([0, 7, 0]))).toEqual({
      ok: false,
      error: 'unknown sync message type 7',
    })
  })

  it('[sync:P2] refuses the auth message type, which only servers send', () => {
    expect(decodeMessage(Uint8Array.from([2, 0, 0])).ok).toBe(false)
  })

  it('[sync:P2] refuses a truncated payload', () => {
    const frame = encodeUpdate(payload)
    expect(decodeMessage(frame.subarray(0, frame.length - 1))).toEqual({
      ok: false,
      error: 'truncated message',
    })
  })

  it('[sync:P2] refuses trailing bytes after a message', () => {
    const encoder = encoding.createEncoder()
    encoding.writeUint8Array(encoder, encodeUpdate(payload))
    encoding.writeUint8(encoder, 0)
    expect(decodeMessage(encoding.toUint8Array(encoder))).toEqual({
      ok: false,
      error: 'trailing bytes after message',
    })
  })

  it('reads the reason of a permission-denied message back', () => {
    const frame = encodePermissionDenied('the board is full')
    const decoder = decoding.createDecoder(frame)
    expect(decoding.readVarUint(decoder)).toBe(MessageType.Auth)
    expect(readPermissionDenied(decoder)).toBe('the board is full')
    expect(readPermissionDenied(decoding.createDecoder(Uint8Array.from([1])))).toBeNull()
    expect(readPermissionDenied(decoding.createDecoder(Uint8Array.from([0, 9])))).toBeNull()
  })
})

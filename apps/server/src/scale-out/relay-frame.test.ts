import { describe, expect, it } from 'vitest'
import { decodeRelayFrame, encodeRelayFrame } from './relay-frame.js'

describe('relay frames', () => {
  it('round-trips updates with their claims, presence and gap notices', () => {
    const update = Uint8Array.from([1, 0, 255, 7])
    for (const message of [
      { kind: 'update', update, claims: [[2 ** 32 - 1, 'member:ada']] },
      { kind: 'update', update, claims: [] },
      { kind: 'awareness', update },
      { kind: 'gap' },
    ] as const) {
      const frame = { from: 'instance-1', message }
      expect(decodeRelayFrame(encodeRelayFrame(frame))).toEqual(frame)
    }
  })

  it('refuses what is not a frame, without throwing', () => {
    const valid = encodeRelayFrame({ from: 'x', message: { kind: 'gap' } })
    for (const bad of [
      Buffer.alloc(0),
      Buffer.from([0, 0, 0, 99, 1]),
      Buffer.concat([Buffer.from([0, 0, 0, 2]), Buffer.from('{]')]),
      Buffer.concat([Buffer.from([0, 0, 0, 13]), Buffer.from('{"kind":"no"}')]),
      valid.subarray(0, 6),
    ]) {
      expect(decodeRelayFrame(bad)).toBeNull()
    }
  })
})

import { describe, expect, it } from 'vitest'
import { decodeRelayFrame, encodeRelayFrame } from './relay-frame.js'

/** A frame with this header and no payload. */
function headerOnly(value: object): Buffer {
  const json = Buffer.from(JSON.stringify(value))
  const length = Buffer.alloc(4)
  length.writeUInt32BE(json.byteLength)
  return Buffer.concat([length, json])
}

describe('relay frames', () => {
  it('round-trips updates with their claims, presence, compactions, gaps and heartbeats', () => {
    const update = Uint8Array.from([1, 0, 255, 7])
    for (const message of [
      { kind: 'update', update, claims: [[2 ** 32 - 1, 'member:ada']] },
      { kind: 'update', update, claims: [] },
      { kind: 'awareness', update },
      { kind: 'compacted', snapshotBytes: 12_345 },
      { kind: 'gap' },
      { kind: 'heartbeat' },
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
      headerOnly({ from: 'x', kind: 'compacted' }),
      headerOnly({ from: 'x', kind: 'compacted', snapshotBytes: -1 }),
      valid.subarray(0, 6),
    ]) {
      expect(decodeRelayFrame(bad)).toBeNull()
    }
  })
})

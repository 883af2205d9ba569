/**
 * Byte-level damage to a valid payload, the way a buggy or hostile client produces it: bits
 * flipped, bytes overwritten with boundary values, ranges cut, doubled or inserted, and varints
 * (lengths, counts, clocks, content refs) replaced by huge or zero ones.
 */
import type { Rng } from './prng.js'

/** Bytes that sit on the edges of lib0's varint and Yjs' info-byte encodings. */
const interesting = [0x00, 0x01, 0x07, 0x08, 0x0a, 0x3f, 0x40, 0x7f, 0x80, 0xc0, 0xfe, 0xff]

/** Varints a decoder must survive: zero, a byte boundary, 2^31, 2^53 - 1 and beyond. */
const hugeVarints: readonly number[][] = [
  [0x00],
  [0x80, 0x01],
  [0xff, 0xff, 0xff, 0xff, 0x07],
  [0x80, 0x80, 0x80, 0x80, 0x08],
  [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f],
  [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f],
]

type Mutation = (rng: Rng, bytes: number[]) => void

const mutations: readonly Mutation[] = [
  function flipBit(rng, bytes) {
    if (bytes.length === 0) return
    const at = rng.int(bytes.length)
    bytes[at] = bytes[at]! ^ (1 << rng.int(8))
  },
  function setInterestingByte(rng, bytes) {
    if (bytes.length === 0) return
    bytes[rng.int(bytes.length)] = rng.pick(interesting)
  },
  function setRandomByte(rng, bytes) {
    if (bytes.length === 0) return
    bytes[rng.int(bytes.length)] = rng.int(256)
  },
  function replaceWithHugeVarint(rng, bytes) {
    const at = rng.int(bytes.length + 1)
    // A varint ends at the first byte below 0x80: replace the whole one starting here.
    let end = at
    while (end < bytes.length && bytes[end]! >= 0x80) end++
    bytes.splice(at, Math.min(end + 1, bytes.length) - at, ...rng.pick(hugeVarints))
  },
  function deleteRange(rng, bytes) {
    if (bytes.length === 0) return
    const at = rng.int(bytes.length)
    bytes.splice(at, rng.between(1, Math.min(8, bytes.length - at)))
  },
  function insertRandomBytes(rng, bytes) {
    bytes.splice(rng.int(bytes.length + 1), 0, ...rng.bytes(rng.between(1, 8)))
  },
  function duplicateRange(rng, bytes) {
    if (bytes.length === 0) return
    const at = rng.int(bytes.length)
    const copy = bytes.slice(at, at + rng.between(1, 16))
    bytes.splice(rng.int(bytes.length + 1), 0, ...copy)
  },
]

/**
 * Random mutations of `input` (never changed itself): mostly one, which has the best chance of
 * leaving something that still decodes; sometimes up to four.
 */
export function mutate(rng: Rng, input: Uint8Array): Uint8Array {
  const bytes = [...input]
  for (let count = rng.chance(0.6) ? 1 : rng.between(2, 4); count > 0; count--) {
    rng.pick(mutations)(rng, bytes)
  }
  return Uint8Array.from(bytes)
}

/** A strict prefix of `input` (possibly empty). */
export function truncate(rng: Rng, input: Uint8Array): Uint8Array {
  return input.slice(0, rng.int(input.byteLength))
}

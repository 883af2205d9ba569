import type { TLNoteShape } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { baseBoardRecords, FIRST_PAGE_ID, layoutRecords } from './layout-records.js'
import { noteRecord } from './note-records.js'
import { BOARD_RECORD_TYPES, boardRecordProblem, plainJsonSize } from './record-validation.js'

// noteRecord writes a note shape; its type says only "a record".
const note = noteRecord({
  ...{ id: 'shape:n', text: 'Hello', x: 1, y: 2, parentId: FIRST_PAGE_ID, index: 'a2' },
  ...{ color: 'yellow', author: 'user:ada' },
}) as TLNoteShape

describe('board record validation', () => {
  it('[wsp:W2] the shared board holds tldraw’s document-scoped record types only', () => {
    expect([...BOARD_RECORD_TYPES].sort()).toEqual([
      'asset',
      'binding',
      'document',
      'page',
      'shape',
    ])
  })

  it('[wsp:W2] accepts every record the server itself writes', () => {
    let n = 0
    const layout = layoutRecords(
      [{ key: 'r', title: 'R', prompt: 'P', x: 0, y: 0, w: 500, h: 400, color: 'blue' }],
      FIRST_PAGE_ID,
      [],
      () => `id${n++}`,
    )
    for (const record of [...baseBoardRecords(), ...layout.records, note]) {
      expect(boardRecordProblem(record.id, record)).toBeNull()
    }
  })

  it('[wsp:W2] refuses what tldraw refuses, naming the record', () => {
    expect(
      boardRecordProblem('shape:n', { ...note, props: { ...note.props, color: 'plaid' } }),
    ).toMatch(/^shape:n: invalid shape/)
    expect(boardRecordProblem('shape:n', { ...note, type: 'unknown-shape' })).toMatch(
      /invalid shape/,
    )
    expect(boardRecordProblem('shape:other', note)).toMatch(/id is not its key/)
    expect(boardRecordProblem('page:n', { ...note, id: 'page:n' })).toMatch(/id does not match/)
    expect(boardRecordProblem('instance:x', { id: 'instance:x', typeName: 'instance' })).toMatch(
      /not a record type of the shared board/,
    )
    expect(boardRecordProblem('shape:n', [note])).toMatch(/is an object/)
  })

  it('[wsp:W2] plain JSON only, within the size bound', () => {
    const polluted = JSON.parse('{"__proto__": {"x": 1}}') as unknown
    const withProto = Object.create({ inherited: true }) as object
    expect(plainJsonSize(polluted, 1000)).toBeTypeOf('number') // JSON.parse keeps it an own key
    expect(plainJsonSize(withProto, 1000)).toBe('not-json')
    expect(plainJsonSize({ a: [1, 'x', null, true] }, 1000)).toBeTypeOf('number')
    expect(plainJsonSize({ a: undefined }, 1000)).toBe('not-json')
    expect(plainJsonSize({ a: Number.NaN }, 1000)).toBe('not-json')
    expect(plainJsonSize({ a: new Uint8Array(2) }, 1000)).toBe('not-json')
    expect(plainJsonSize({ a: 'x'.repeat(2000) }, 1000)).toBe('too-large')
    let deep: unknown = 1
    for (let i = 0; i < 100; i++) deep = [deep]
    expect(plainJsonSize(deep, 1_000_000)).toBe('not-json')
    expect(boardRecordProblem('shape:n', note, { maxBytes: 100 })).toMatch(/at most 100 bytes/)
  })
})

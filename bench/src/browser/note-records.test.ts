import { expect, it } from 'vitest'
import { FIRST_PAGE_ID, gridColumns, indexKeys, NOTE_PITCH, noteRecords } from './note-records.js'

it('makes index keys as tldraw does above an empty page: a1…az, then b00…', () => {
  const keys = indexKeys(70)
  expect(keys.slice(0, 3)).toEqual(['a1', 'a2', 'a3'])
  expect(keys[60]).toBe('az')
  expect(keys.slice(61, 64)).toEqual(['b00', 'b01', 'b02'])
})

it('makes increasing, distinct, integer-only index keys (no fraction, so none ends in 0 after one)', () => {
  const keys = indexKeys(5000)
  expect(new Set(keys).size).toBe(5000)
  expect([...keys].sort()).toEqual(keys)
  for (const key of keys) expect(key).toMatch(/^(a[0-9A-Za-z]|b[0-9A-Za-z]{2}|c[0-9A-Za-z]{3})$/)
  expect(keys.at(-1)?.startsWith('c')).toBe(true)
})

it('lays notes out in a grid on the first page, each with its text, the same for the same seed', () => {
  const notes = noteRecords(10, 3)
  const columns = gridColumns(10)
  expect(notes.map((note) => note.parentId)).toEqual(Array(10).fill(FIRST_PAGE_ID))
  expect(notes[columns]).toMatchObject({ x: 0, y: NOTE_PITCH, type: 'note', typeName: 'shape' })
  expect(notes[1]).toMatchObject({ x: NOTE_PITCH, y: 0 })
  expect(new Set(notes.map((note) => note.id)).size).toBe(10)
  const text = notes[0]?.props.richText.content[0]?.content[0]?.text
  expect(text).toMatch(/^#1 \w+ \w+ \w+$/)
  expect(noteRecords(10, 3)).toEqual(notes)
})

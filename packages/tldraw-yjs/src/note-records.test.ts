import { createShapeId } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import {
  firstPageId,
  indicesOnTop,
  noteColors,
  noteRecord,
  plainTextToRichText,
} from './note-records.js'
import { makeStore, PAGE_ID } from './testing/stores.js'

describe('note records made outside an editor', () => {
  it('are accepted by tldraw’s own schema, in every colour, with and without an author', () => {
    const store = makeStore()
    const [index] = indicesOnTop(store.allRecords(), PAGE_ID, 1)
    for (const [i, color] of noteColors.entries()) {
      const record = noteRecord({
        id: createShapeId(`n${i}`),
        text: 'Line one\n\nLine three',
        x: 10 * i,
        y: 0,
        parentId: PAGE_ID,
        index: index ?? 'a1',
        color,
        author: i % 2 === 0 ? null : 'user:ada',
        meta: { revealed: true },
      })
      expect(() => store.put([record])).not.toThrow()
    }
    expect(store.allRecords().filter((r) => r.typeName === 'shape')).toHaveLength(noteColors.length)
  })

  it('turn lines into paragraphs', () => {
    expect(plainTextToRichText('a\n\nb')).toEqual({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'a' }] },
        { type: 'paragraph' },
        { type: 'paragraph', content: [{ type: 'text', text: 'b' }] },
      ],
    })
  })

  it('go on top of what is on the page, on the first page', () => {
    const records = [
      { typeName: 'page', id: 'page:b', index: 'a2' },
      { typeName: 'page', id: 'page:a', index: 'a1' },
      { typeName: 'shape', parentId: 'page:a', index: 'a5' },
      { typeName: 'shape', parentId: 'page:b', index: 'a9' },
    ]
    expect(firstPageId(records)).toBe('page:a')
    const [first, second] = indicesOnTop(records, 'page:a', 2)
    expect(first! > 'a5').toBe(true)
    expect(second! > first!).toBe(true)
  })
})

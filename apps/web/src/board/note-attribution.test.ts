import { noteRecord } from '@accord/tldraw-yjs'
import type { TLShape } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { attributeNoteEdit, authorLabel } from './note-attribution'

function note(text: string, author: string | null, meta: Record<string, string> = {}): TLShape {
  return noteRecord({
    id: 'shape:n1',
    text,
    x: 0,
    y: 0,
    parentId: 'page:page',
    index: 'a1',
    color: 'yellow',
    author,
    meta,
  }) as TLShape
}

describe('who wrote a note', () => {
  it('whoever rewrites the text becomes its author; other meta stays', () => {
    const edited = attributeNoteEdit(
      note('Ship it', 'user:ada', { region: 'start' }),
      note('Ship it on Friday', 'user:ada', { region: 'start' }),
      'user:bob',
    )
    expect(edited.meta).toEqual({ region: 'start', author: 'user:bob' })
  })

  it('moving or recolouring a note keeps its author', () => {
    const before = note('Ship it', 'user:ada')
    const moved = { ...before, x: 400 }
    expect(attributeNoteEdit(before, moved, 'user:bob')).toBe(moved)
  })

  it('in an anonymous room a rewrite removes the earlier name', () => {
    const edited = attributeNoteEdit(note('a', 'user:ada'), note('b', 'user:ada'), null)
    expect(edited.meta).toEqual({})
  })

  it('only notes are attributed', () => {
    const text = { ...note('a', null), type: 'geo' } as TLShape
    expect(attributeNoteEdit(text, { ...text, x: 1 } as TLShape, 'user:bob')).not.toHaveProperty(
      'meta.author',
    )
  })

  it('labels a note with the first word of its author’s name', () => {
    expect(authorLabel('Ada Lovelace')).toBe('Ada')
    expect(authorLabel('  Bob ')).toBe('Bob')
    expect(authorLabel('')).toBeNull()
    expect(authorLabel(undefined)).toBeNull()
  })
})

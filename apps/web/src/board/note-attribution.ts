/**
 * Who wrote a sticky note, on the note. tldraw 3.x has no attribution of its own, so Accord keeps
 * the author's id in the note's `meta` (`NOTE_AUTHOR_META`: set by the server when it reveals a
 * named private note, and by this browser when its member writes a note's text) and draws the
 * first word of their name in the note's corner (`AttributedNoteShapeUtil.tsx`). In an anonymous
 * room nobody's edits are stamped.
 */
import { NOTE_AUTHOR_META, noteAuthor } from '@accord/tldraw-yjs'
import type { Editor, Signal, TLNoteShape, TLShape } from 'tldraw'

/** The note a change leaves, attributed to `author` when its member rewrote the text. */
export function attributeNoteEdit(prev: TLShape, next: TLShape, author: string | null): TLShape {
  if (next.type !== 'note' || prev.type !== 'note') return next
  const rewritten =
    JSON.stringify((prev as TLNoteShape).props.richText) !==
    JSON.stringify((next as TLNoteShape).props.richText)
  if (!rewritten || noteAuthor(next) === author) return next
  const { [NOTE_AUTHOR_META]: _previous, ...meta } = next.meta
  return { ...next, meta: author === null ? meta : { ...meta, [NOTE_AUTHOR_META]: author } }
}

/**
 * Stamps this member on the notes whose text they change in the editor; returns a function that
 * stops. `author` is null in an anonymous room, which removes any earlier name from the note.
 */
export function attributeNoteEdits(editor: Editor, author: Signal<string | null>): () => void {
  return editor.sideEffects.registerBeforeChangeHandler('shape', (prev, next, source) =>
    source === 'user' ? attributeNoteEdit(prev, next, author.get()) : next,
  )
}

/** The label shown for an author: the first word of their name. */
export function authorLabel(name: string | undefined): string | null {
  const first = name?.trim().split(/\s+/)[0]
  return first ? first : null
}

import { noteAuthor } from '@accord/tldraw-yjs'
import { NoteShapeUtil, type Signal, type TLNoteShape, useValue } from 'tldraw'
import { authorLabel } from './note-attribution'

/**
 * tldraw's note, with its author's first name in the corner. `names` maps `user:<id>` to the
 * names the board knows (the room's members, and everyone present).
 */
export function attributedNoteShapeUtil(names: Signal<ReadonlyMap<string, string>>) {
  return class AttributedNoteShapeUtil extends NoteShapeUtil {
    override component(shape: TLNoteShape) {
      return (
        <>
          {super.component(shape)}
          <NoteAuthorLabel author={noteAuthor(shape)} names={names} />
        </>
      )
    }
  }
}

function NoteAuthorLabel(props: {
  author: string | null
  names: Signal<ReadonlyMap<string, string>>
}) {
  const { author, names } = props
  const label = useValue(
    'note author',
    () => (author === null ? null : authorLabel(names.get().get(author))),
    [author, names],
  )
  if (label === null) return null
  return (
    <div className="note-author" data-testid="note-author" title={`Written by ${label}`}>
      {label}
    </div>
  )
}

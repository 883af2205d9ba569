import { VOTE_LIMITS, type VoteItem } from '@accord/facilitation'
import type { Editor, TLShape } from 'tldraw'

/** Notes and groups (frames) can be voted on. */
export function isVotable(shape: TLShape): boolean {
  return shape.type === 'note' || shape.type === 'frame'
}

/** What a voter sees for an item: a note's text or a frame's name. */
export function itemLabel(editor: Editor, shape: TLShape): string {
  const text =
    shape.type === 'frame'
      ? String((shape.props as { name?: unknown }).name ?? '')
      : (editor.getShapeUtil(shape).getText(shape) ?? '')
  const clean = text.replace(/\s+/g, ' ').trim()
  return (clean || (shape.type === 'frame' ? 'Untitled group' : 'Empty note')).slice(
    0,
    VOTE_LIMITS.label,
  )
}

/** The items for a new vote: the selected notes and groups, or all of them on the page. */
export function voteItemsFrom(editor: Editor): VoteItem[] {
  const selected = editor.getSelectedShapes().filter(isVotable)
  const shapes =
    selected.length > 0 ? selected : editor.getCurrentPageShapesSorted().filter(isVotable)
  return shapes
    .slice(0, VOTE_LIMITS.items)
    .map((shape) => ({ id: shape.id, label: itemLabel(editor, shape) }))
}

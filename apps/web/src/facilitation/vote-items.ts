import { VOTE_LIMITS, type VoteItem } from '@accord/facilitation'
import { themes } from '@accord/templates'
import type { Editor, TLShape } from 'tldraw'

/** Notes and groups (frames) can be voted on — not a template's regions, which are its layout. */
export function isVotable(shape: Pick<TLShape, 'type' | 'meta'>): boolean {
  return shape.type === 'note' || (shape.type === 'frame' && typeof shape.meta.region !== 'string')
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

/** What a vote can be over: the selection, the board's themes, or every note and group. */
export type VoteScope = 'selected' | 'themes' | 'all'

export interface VoteChoice {
  readonly scope: VoteScope
  readonly items: readonly VoteItem[]
}

/**
 * The ways to pick a vote's items, best first: the selected notes and groups if there are any,
 * then the themes people made (groups that are not the template's regions), then everything. Each
 * is offered once, and only if it has items (everything always, as the last resort).
 */
export function voteChoices(lists: Readonly<Record<VoteScope, readonly VoteItem[]>>): VoteChoice[] {
  const same = (a: readonly VoteItem[], b: readonly VoteItem[]) =>
    a.length === b.length && a.every((item, i) => item.id === b[i]?.id)
  const choices: VoteChoice[] = []
  for (const scope of ['selected', 'themes', 'all'] as const) {
    const items = lists[scope].slice(0, VOTE_LIMITS.items)
    if (items.length === 0 && scope !== 'all') continue
    if (choices.some((choice) => same(choice.items, items))) continue
    choices.push({ scope, items })
  }
  return choices
}

/** The board's vote choices as they are now. */
export function voteChoicesFrom(editor: Editor): VoteChoice[] {
  const item = (shape: TLShape) => ({ id: shape.id, label: itemLabel(editor, shape) })
  const shapes = editor.getCurrentPageShapesSorted()
  const byId = new Map(shapes.map((shape) => [shape.id as string, shape]))
  return voteChoices({
    selected: editor.getSelectedShapes().filter(isVotable).map(item),
    themes: themes(shapes).flatMap((theme) => {
      const shape = byId.get(theme.id)
      return shape ? [item(shape)] : []
    }),
    all: shapes.filter(isVotable).map(item),
  })
}

/** The dots per person a workshop's options ask for (a template's `dots`), if they do. */
export function dotsOption(options: Readonly<Record<string, unknown>> | undefined): number | null {
  const dots = options?.dots
  return typeof dots === 'number' &&
    Number.isInteger(dots) &&
    dots >= 1 &&
    dots <= VOTE_LIMITS.dotsPerPerson
    ? dots
    : null
}

import { useContext } from 'react'
import { type TLShape, useEditor, useValue } from 'tldraw'
import { BoardOverlayContext } from './board-overlay-context'

/**
 * On each item of the vote: while open, this person's dots with + and −; once closed, the total.
 * Drawn in front of the canvas at the item's top-right corner.
 */
export function VoteOverlay() {
  const editor = useEditor()
  const { vote, ballot, canVote, cast } = useContext(BoardOverlayContext)
  const spots = useValue(
    'vote spots',
    () =>
      (vote?.items ?? []).flatMap((item) => {
        const bounds = editor.getShapePageBounds(item.id as TLShape['id'])
        if (!bounds) return []
        const corner = editor.pageToViewport({ x: bounds.maxX, y: bounds.minY })
        return [{ id: item.id, label: item.label, x: corner.x, y: corner.y }]
      }),
    [editor, vote],
  )
  if (!vote) return null
  const totals = new Map((vote.results ?? []).map((result) => [result.itemId, result]))
  return (
    <>
      {spots.map((spot) => {
        const mine = ballot[spot.id] ?? 0
        const style = { transform: `translate(${spot.x}px, ${spot.y}px) translate(-100%, -50%)` }
        if (vote.status === 'closed') {
          const result = totals.get(spot.id)
          return (
            <span key={spot.id} className="vote-total" style={style} data-testid="vote-total">
              {result?.dots ?? 0} {result?.dots === 1 ? 'dot' : 'dots'}
            </span>
          )
        }
        return (
          <span
            key={spot.id}
            className="vote-dots"
            style={style}
            data-testid="vote-dots"
            data-item={spot.id}
          >
            {Array.from({ length: mine }, (_, i) => (
              <span key={i} className="vote-dot" aria-hidden="true" />
            ))}
            {canVote && (
              <>
                <button
                  type="button"
                  aria-label={`Take a dot back from “${spot.label}”`}
                  disabled={mine === 0}
                  onPointerDown={(event) => event.stopPropagation()}
                  onClick={() => cast(spot.id, -1)}
                >
                  −
                </button>
                <button
                  type="button"
                  aria-label={`Give “${spot.label}” a dot`}
                  data-testid="vote-add"
                  onPointerDown={(event) => event.stopPropagation()}
                  onClick={() => cast(spot.id, 1)}
                >
                  +
                </button>
              </>
            )}
          </span>
        )
      })}
    </>
  )
}

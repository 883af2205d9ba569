import { useContext } from 'react'
import { type TLShape, useEditor, useValue } from 'tldraw'
import { BoardOverlayContext } from './board-overlay-context'
import { LockIcon } from './LockControls'

/** A lock badge at the top-left corner of every locked frame (drawn in front of the canvas). */
export function LockedFrameBadges() {
  const editor = useEditor()
  const { frames } = useContext(BoardOverlayContext).locks
  const badges = useValue(
    'locked frame badges',
    () =>
      frames.flatMap((id) => {
        const bounds = editor.getShapePageBounds(id as TLShape['id'])
        return bounds ? [{ id, at: editor.pageToViewport(bounds.point) }] : []
      }),
    [editor, frames],
  )
  return (
    <>
      {badges.map(({ id, at }) => (
        <span
          key={id}
          className="locked-frame-badge"
          data-testid="locked-frame-badge"
          style={{ transform: `translate(${at.x}px, ${at.y - 44}px)` }}
        >
          <LockIcon /> Locked
        </span>
      ))}
    </>
  )
}

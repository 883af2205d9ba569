import { createPortal } from 'react-dom'
import { type Editor, type TLShapeId, useValue } from 'tldraw'
import { outlineBox } from '../facilitation/board-focus'

/**
 * The outline round the shape a `?focus=` link opened the board at, for this person only: drawn
 * in the editor's container (in viewport pixels, following the camera), like the room's
 * spotlight in `FocusOverlay`.
 */
export function FocusParamHighlight({
  editor,
  shapeId,
}: {
  editor: Editor
  shapeId: string | null
}) {
  const box = useValue(
    'focus param outline',
    () => {
      const bounds = shapeId === null ? undefined : editor.getShapePageBounds(shapeId as TLShapeId)
      if (!bounds) return null
      return outlineBox(
        {
          min: editor.pageToViewport({ x: bounds.minX, y: bounds.minY }),
          max: editor.pageToViewport({ x: bounds.maxX, y: bounds.maxY }),
        },
        10,
      )
    },
    [editor, shapeId],
  )
  if (!box || shapeId === null) return null
  return createPortal(
    <div
      className="log-board-highlight"
      data-testid="focus-param-highlight"
      data-shape={shapeId}
      style={{ transform: `translate(${box.x}px, ${box.y}px)`, width: box.w, height: box.h }}
      aria-hidden="true"
    >
      <span className="log-board-highlight__label">Linked here</span>
    </div>,
    editor.getContainer(),
  )
}

import { useContext } from 'react'
import { type Editor, type TLShapeId, useEditor, useValue } from 'tldraw'
import { BoardOverlayContext } from './board-overlay-context'
import { outlineBox, regionFrameId, type ViewportBox } from './board-focus'

function viewportBox(editor: Editor, id: string | null, margin: number): ViewportBox | null {
  const bounds = id === null ? undefined : editor.getShapePageBounds(id as TLShapeId)
  if (!bounds) return null
  return outlineBox(
    {
      min: editor.pageToViewport({ x: bounds.minX, y: bounds.minY }),
      max: editor.pageToViewport({ x: bounds.maxX, y: bounds.maxY }),
    },
    margin,
  )
}

const place = (box: ViewportBox) => ({
  transform: `translate(${box.x}px, ${box.y}px)`,
  width: box.w,
  height: box.h,
})

/**
 * Where the room's attention is, drawn in front of the canvas for everyone: a soft outline round
 * the region the current phase is about, and a glowing one round the spotlighted shape.
 */
export function FocusOverlay() {
  const editor = useEditor()
  const { spotlight, focus } = useContext(BoardOverlayContext)
  const boxes = useValue(
    'focus outlines',
    () => ({
      focus: viewportBox(editor, regionFrameId(editor.getCurrentPageShapes(), focus), 6),
      spotlight: viewportBox(editor, spotlight, 10),
    }),
    [editor, spotlight, focus],
  )
  return (
    <>
      {boxes.focus && (
        <div
          className="board-focus"
          data-testid="board-focus"
          data-region={focus ?? ''}
          style={place(boxes.focus)}
          aria-hidden="true"
        />
      )}
      {boxes.spotlight && (
        <div
          className="board-spotlight"
          data-testid="board-spotlight"
          data-shape={spotlight ?? ''}
          style={place(boxes.spotlight)}
          aria-hidden="true"
        >
          <span className="board-spotlight__label">In focus</span>
        </div>
      )}
    </>
  )
}

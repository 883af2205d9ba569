import { createShapeId, type Editor, type TLShapeId } from 'tldraw'

const PADDING = 40

/**
 * Wraps the selected shapes in a frame — a named group whose members are data (the notes inside
 * it), not just neighbours — and starts editing its name.
 */
export function groupSelection(editor: Editor, name = 'New group'): TLShapeId | null {
  const ids = editor.getSelectedShapeIds()
  const bounds = editor.getSelectionPageBounds()
  if (ids.length === 0 || !bounds) return null
  const frameId = createShapeId()
  editor.run(() => {
    editor.createShape({
      id: frameId,
      type: 'frame',
      x: bounds.x - PADDING,
      y: bounds.y - PADDING,
      props: { w: bounds.w + 2 * PADDING, h: bounds.h + 2 * PADDING, name },
    })
    editor.reparentShapes(ids, frameId)
    editor.select(frameId)
  })
  return frameId
}

import { createShapeId, type Editor, type TLParentId, type TLShapeId } from 'tldraw'

const PADDING = 40
/** Room left between a group and the edge of the frame it is made in. */
const INSET = 8

/**
 * Wraps the selected shapes in a frame — a named group whose members are data (the notes inside
 * it), not just neighbours — and selects it. Notes that share a frame (e.g. a retro column) are
 * grouped inside it, so they still count for it; notes from different frames, on the page.
 */
export function groupSelection(editor: Editor, name = 'New group'): TLShapeId | null {
  const shapes = editor.getSelectedShapes()
  const bounds = editor.getSelectionPageBounds()
  if (shapes.length === 0 || !bounds) return null
  const parents = new Set(shapes.map((shape) => shape.parentId))
  const [only] = parents
  const parent = parents.size === 1 && only ? editor.getShape(only as TLShapeId) : undefined
  const container = parent?.type === 'frame' ? parent : undefined
  const corner = { x: bounds.x - PADDING, y: bounds.y - PADDING }
  const local = container ? editor.getPointInShapeSpace(container, corner) : corner
  const size = { w: bounds.w + 2 * PADDING, h: bounds.h + 2 * PADDING }
  // Inside a frame, the group stays within it: a frame clips what sticks out, the name included.
  const room = container ? (container.props as { w: number; h: number }) : null
  const at = room ? { x: Math.max(local.x, INSET), y: Math.max(local.y, INSET) } : local
  const w = room ? Math.min(local.x + size.w, room.w - INSET) - at.x : size.w
  const h = room ? Math.min(local.y + size.h, room.h - INSET) - at.y : size.h
  const frameId = createShapeId()
  editor.run(() => {
    editor.createShape({
      id: frameId,
      type: 'frame',
      // Explicitly: left to itself, tldraw puts a new shape in whatever frame its corner is in.
      parentId: container ? (container.id as TLParentId) : editor.getCurrentPageId(),
      x: at.x,
      y: at.y,
      props: { w, h, name },
    })
    editor.reparentShapes(
      shapes.map((shape) => shape.id),
      frameId,
    )
    editor.select(frameId)
  })
  return frameId
}

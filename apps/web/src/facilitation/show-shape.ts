import type { Editor, TLShapeId } from 'tldraw'

/** Selects a shape and brings it into view, no closer than 100%. */
export function showShape(editor: Editor, id: string): void {
  const bounds = editor.getShapePageBounds(id as TLShapeId)
  if (!bounds) return
  editor.select(id as TLShapeId)
  editor.zoomToBounds(bounds, { targetZoom: 1, inset: 120, animation: { duration: 250 } })
}

import { type BoxLike, type Editor, type TLShapeId, Vec } from 'tldraw'
import { cameraFor, coveredRight } from './canvas-view'

/** Side panels over the canvas mark themselves with this attribute. */
const OVER_CANVAS = 'data-over-canvas'

/** How much of the canvas the side panels open over it cover, from its right edge. */
function panelsCover(editor: Editor): number {
  const canvas = editor.getContainer().getBoundingClientRect()
  const panels = [...document.querySelectorAll(`[${OVER_CANVAS}]`)].map((panel) =>
    panel.getBoundingClientRect(),
  )
  return coveredRight(canvas, panels)
}

/**
 * Moves the camera so that `bounds` (page space) are in view, centred in the part of the canvas no
 * side panel covers, no closer than `maxZoom`.
 */
export function bringIntoView(
  editor: Editor,
  bounds: BoxLike,
  { inset = 120, maxZoom = 1, animate = true } = {},
): void {
  const screen = editor.getViewportScreenBounds()
  const camera = cameraFor(bounds, screen, panelsCover(editor), { inset, maxZoom })
  editor.setCamera(new Vec(camera.x, camera.y, camera.z), {
    ...(animate ? { animation: { duration: 300 } } : {}),
  })
}

/** Selects a shape and brings it into view, no closer than 100%. */
export function showShape(editor: Editor, id: string): void {
  const bounds = editor.getShapePageBounds(id as TLShapeId)
  if (!bounds) return
  editor.select(id as TLShapeId)
  bringIntoView(editor, bounds)
}

/**
 * Where to put the camera so that a part of the board is in view — in the part of the screen that
 * no side panel covers. Pure geometry: screen pixels and page units, no editor.
 */

export interface Rect {
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
}

export interface Camera {
  readonly x: number
  readonly y: number
  readonly z: number
}

/**
 * The camera (tldraw's: page offset and zoom) that fits `bounds` into the screen left of what a
 * panel covers on the right, centred there, leaving `inset` pixels in all (as tldraw counts it),
 * never closer than `maxZoom`. A panel over half the screen or more is ignored (a phone).
 */
export function cameraFor(
  bounds: Rect,
  screen: { readonly w: number; readonly h: number },
  coveredRight: number,
  { inset, maxZoom }: { readonly inset: number; readonly maxZoom: number },
): Camera {
  const covered = coveredRight > 0 && coveredRight < screen.w / 2 ? coveredRight : 0
  const free = screen.w - covered
  const fit = Math.min(
    (free - inset) / Math.max(bounds.w, 1),
    (screen.h - inset) / Math.max(bounds.h, 1),
  )
  const z = Math.max(0.05, Math.min(maxZoom, fit))
  return {
    x: -bounds.x + (free - bounds.w * z) / 2 / z,
    y: -bounds.y + (screen.h - bounds.h * z) / 2 / z,
    z,
  }
}

/** How much of the canvas, from its right edge, panels over it cover (in screen pixels). */
export function coveredRight(
  canvas: {
    readonly left: number
    readonly right: number
    readonly top: number
    readonly bottom: number
  },
  panels: readonly {
    readonly left: number
    readonly right: number
    readonly top: number
    readonly bottom: number
  }[],
): number {
  let covered = 0
  for (const panel of panels) {
    const overlapsVertically = panel.top < canvas.bottom && panel.bottom > canvas.top
    const reachesRightEdge = panel.right >= canvas.right - 40 && panel.left < canvas.right
    if (overlapsVertically && reachesRightEdge && panel.left > canvas.left)
      covered = Math.max(covered, canvas.right - panel.left)
  }
  return covered
}

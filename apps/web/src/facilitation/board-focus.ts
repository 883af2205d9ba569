/**
 * What the whole room looks at: the template region the current phase is about (its `focus`, e.g.
 * the empathy map's "See"), and the shape in the spotlight (e.g. the retro theme under
 * discussion). Pure readers over the room state and tldraw's shape records.
 */
import { currentPhase, type PhasePlan } from '@accord/facilitation'
import { regionFrames } from '@accord/templates'

/** The region key the current phase is about, if any. */
export function phaseFocus(plan: PhasePlan): string | null {
  return currentPhase(plan).focus ?? null
}

/** The frame laid out for a region (the frame whose `meta.region` is the key), if on the board. */
export function regionFrameId(shapes: readonly unknown[], key: string | null): string | null {
  if (key === null) return null
  return regionFrames(shapes).get(key) ?? null
}

export interface ViewportBox {
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
}

/** A box around page bounds, in viewport pixels, grown by `margin` on every side. */
export function outlineBox(
  corners: { readonly min: { x: number; y: number }; readonly max: { x: number; y: number } },
  margin: number,
): ViewportBox {
  return {
    x: corners.min.x - margin,
    y: corners.min.y - margin,
    w: corners.max.x - corners.min.x + 2 * margin,
    h: corners.max.y - corners.min.y + 2 * margin,
  }
}

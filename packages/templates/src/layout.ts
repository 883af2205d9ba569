/**
 * Board geometry for templates: regions in rows and columns, sized for sticky notes (tldraw's
 * notes are 200 × 200), with room under each title for its prompt.
 */
import type { Region, RegionColor, SeedNote } from './template.js'

export const REGION = { width: 520, height: 760, gap: 80 } as const

export interface RegionSpec {
  readonly key: string
  readonly title: string
  readonly prompt: string
  readonly color?: RegionColor
  readonly collects?: boolean
  /** Columns this region spans in its row (1 by default). */
  readonly span?: number
  readonly height?: number
  readonly notes?: readonly SeedNote[]
}

/** Lays rows of regions out top to bottom; each row's regions left to right on a column grid. */
export function gridLayout(
  rows: readonly (readonly RegionSpec[])[],
  origin = { x: 0, y: 0 },
): Region[] {
  const regions: Region[] = []
  let y = origin.y
  for (const row of rows) {
    let column = 0
    let rowHeight = 0
    for (const spec of row) {
      const span = spec.span ?? 1
      const h = spec.height ?? REGION.height
      regions.push({
        key: spec.key,
        title: spec.title,
        prompt: spec.prompt,
        x: origin.x + column * (REGION.width + REGION.gap),
        y,
        w: span * REGION.width + (span - 1) * REGION.gap,
        h,
        color: spec.color ?? 'grey',
        collects: spec.collects ?? false,
        ...(spec.notes ? { notes: spec.notes } : {}),
      })
      column += span
      rowHeight = Math.max(rowHeight, h)
    }
    y += rowHeight + REGION.gap
  }
  return regions
}

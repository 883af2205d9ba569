/**
 * Private notes written for a template's regions (a retro's columns, a pre-mortem's reasons): which
 * regions a writer can choose from, and which one is chosen. A reveal puts each note in its region.
 */
import type { Region } from '@accord/templates'

export interface WritingRegion {
  readonly key: string
  readonly title: string
  /** The question the region asks, when the template gives one. */
  readonly prompt: string
}

/** A region frame on the board: its key and its name. */
export interface BoardRegion {
  readonly key: string
  readonly title: string
}

/**
 * The regions notes can be written for: the template's regions that collect notes, or else every
 * region frame on the board (e.g. a facilitator added private writing to a method without it).
 */
export function writingRegions(
  templateRegions: readonly Region[],
  boardRegions: readonly BoardRegion[],
): WritingRegion[] {
  const collecting = templateRegions.filter((region) => region.collects)
  if (collecting.length > 0)
    return collecting.map(({ key, title, prompt }) => ({ key, title, prompt }))
  return boardRegions.map(({ key, title }) => ({ key, title, prompt: '' }))
}

/** The region a new note goes to: the last one chosen if it is still offered, else the first. */
export function chooseRegion(
  regions: readonly WritingRegion[],
  remembered: string | null,
): string | null {
  if (remembered !== null && regions.some((region) => region.key === remembered)) return remembered
  return regions[0]?.key ?? null
}

/** Region frames on a board (tldraw shape records), in reading order, one per key. */
export function boardRegionsOf(shapes: readonly unknown[]): BoardRegion[] {
  const found: (BoardRegion & { x: number; y: number })[] = []
  for (const shape of shapes) {
    if (typeof shape !== 'object' || shape === null) continue
    const { type, meta, props, x, y } = shape as {
      type?: unknown
      meta?: { region?: unknown }
      props?: { name?: unknown }
      x?: unknown
      y?: unknown
    }
    const key = meta?.region
    if (type !== 'frame' || typeof key !== 'string' || found.some((r) => r.key === key)) continue
    const name = typeof props?.name === 'string' ? props.name.trim() : ''
    found.push({
      key,
      title: name || key,
      x: typeof x === 'number' ? x : 0,
      y: typeof y === 'number' ? y : 0,
    })
  }
  return found.sort((a, b) => a.y - b.y || a.x - b.x).map(({ key, title }) => ({ key, title }))
}

/** How many of these notes were written for each region. */
export function countByRegion(notes: readonly { region: string | null }[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const note of notes) {
    if (note.region !== null) counts.set(note.region, (counts.get(note.region) ?? 0) + 1)
  }
  return counts
}

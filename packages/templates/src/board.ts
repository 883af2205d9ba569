/**
 * Reading a template's board: which frames are its regions (marked `meta.region` when the server
 * laid them out), the notes in each, and the themes people made by grouping notes (every other
 * frame). Pure readers over tldraw record JSON.
 */
import { boardGroups, plainText } from '@accord/facilitation'

export interface BoardNote {
  readonly id: string
  readonly text: string
}

export interface Theme {
  readonly id: string
  readonly name: string
  readonly notes: readonly BoardNote[]
}

interface Shape {
  readonly id: string
  readonly type: string
  readonly parentId: string
  readonly x: number
  readonly y: number
  readonly props: Record<string, unknown>
  readonly meta: Record<string, unknown>
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

function shapesOf(records: readonly unknown[]): Shape[] {
  return records.flatMap((record) => {
    if (!isObject(record) || record.typeName !== 'shape') return []
    const { id, type, parentId, x, y } = record
    if (typeof id !== 'string' || typeof type !== 'string' || typeof parentId !== 'string')
      return []
    return [
      {
        id,
        type,
        parentId,
        x: typeof x === 'number' ? x : 0,
        y: typeof y === 'number' ? y : 0,
        props: isObject(record.props) ? record.props : {},
        meta: isObject(record.meta) ? record.meta : {},
      },
    ]
  })
}

/** Reading order on a board: rows top to bottom, then left to right (by page position). */
const readingOrder = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  a.y - b.y || a.x - b.x

/** Region key → frame id, for the frames the template laid out. */
export function regionFrames(records: readonly unknown[]): Map<string, string> {
  const frames = new Map<string, string>()
  for (const shape of shapesOf(records)) {
    const key = shape.meta.region
    if (shape.type === 'frame' && typeof key === 'string' && !frames.has(key))
      frames.set(key, shape.id)
  }
  return frames
}

/**
 * [tpl:BR1] The notes in each region, however deeply nested (a theme inside a column still counts
 * for the column), in reading order. A note outside every region counts for the region it was
 * written for (`meta.writtenFor`, set when a private note is revealed) — so grouping notes from
 * several columns into one theme keeps them in their columns.
 */
export function notesByRegion(records: readonly unknown[]): Map<string, BoardNote[]> {
  const shapes = shapesOf(records)
  const byId = new Map(shapes.map((shape) => [shape.id, shape]))
  const regionOf = (shape: Shape): string | null => {
    const seen = new Set<string>()
    let parent = byId.get(shape.parentId)
    while (parent && !seen.has(parent.id)) {
      const key = parent.meta.region
      if (parent.type === 'frame' && typeof key === 'string') return key
      seen.add(parent.id)
      parent = byId.get(parent.parentId)
    }
    return null
  }
  // A shape's x and y are relative to its parent: add up its ancestors' to place it on the page.
  const pagePosition = (shape: Shape) => {
    const seen = new Set<string>([shape.id])
    let { x, y } = shape
    let parent = byId.get(shape.parentId)
    while (parent && !seen.has(parent.id)) {
      x += parent.x
      y += parent.y
      seen.add(parent.id)
      parent = byId.get(parent.parentId)
    }
    return { x, y }
  }
  const placed = shapes
    .filter((s) => s.type === 'note')
    .map((shape) => ({ shape, ...pagePosition(shape) }))
    .sort(readingOrder)
  const notes = new Map<string, BoardNote[]>()
  for (const { shape } of placed) {
    // Where the note is; else, once grouped out of every region, the region it was written for.
    const writtenFor = typeof shape.meta.writtenFor === 'string' ? shape.meta.writtenFor : null
    const key = regionOf(shape) ?? writtenFor
    if (key === null) continue
    notes.set(key, [...(notes.get(key) ?? []), noteOf(shape)])
  }
  return notes
}

/** [tpl:BR2] Themes: frames people made around notes (not the template's regions), with their notes. */
export function themes(records: readonly unknown[]): Theme[] {
  const regions = new Set(regionFrames(records).values())
  const notes = new Map(
    shapesOf(records)
      .filter((shape) => shape.type === 'note')
      .map((shape) => [shape.id, noteOf(shape)]),
  )
  return boardGroups(records)
    .filter((group) => !regions.has(group.id))
    .map((group) => ({
      id: group.id,
      name: group.name,
      notes: group.noteIds.flatMap((id) => notes.get(id) ?? []),
    }))
}

function noteOf(shape: Shape): BoardNote {
  return { id: shape.id, text: plainText(shape.props.richText).trim() }
}

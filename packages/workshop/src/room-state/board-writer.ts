import { revealPositions } from '@accord/facilitation'
import type { RoomRegistry } from '@accord/sync'
import {
  baseBoardRecords,
  boardSchema,
  firstPageId,
  gridInRegion,
  indicesOnTop,
  CONTENT_TOP,
  layoutRecords,
  META_MAP,
  plainTextToRichText,
  type NoteColor,
  noteRecord,
  RECORDS_MAP,
  regionText,
  regionTextHeight,
  type RegionSpec,
} from '@accord/tldraw-yjs'
import type { RegionContent } from '@accord/templates'
import { randomBytes } from 'node:crypto'
import type * as Y from 'yjs'
import { SERVER_ORIGIN } from './room-states.js'
import { withRoom } from './with-room.js'

export interface NewNote {
  readonly text: string
  readonly color: NoteColor
  /** `user:<id>` of the author, shown on the note; null for no author. */
  readonly author: string | null
  /** The template region to put it in (e.g. a retro column); the page if null or missing. */
  readonly region: string | null
}

/** What the store says of an action item, as its note carries it (`meta.action`). */
export interface ActionFollowUp {
  readonly id: string
  readonly status: 'open' | 'done' | 'dropped'
  /** A member's id, or `external` for a name that is nobody's in the room. */
  readonly ownerId: string
  readonly ownerName: string
  readonly due: string | null
  /** What to do, in its own words (fac:AI5). */
  readonly text: string
}

interface ShapeJson {
  readonly typeName?: unknown
  readonly type?: unknown
  readonly id?: unknown
  readonly parentId?: unknown
  readonly x?: unknown
  readonly y?: unknown
  readonly meta?: { readonly region?: unknown; readonly regionContent?: unknown }
  readonly props?: { readonly w?: unknown; readonly h?: unknown; readonly richText?: unknown }
}

const newShapeId = () => randomBytes(12).toString('base64url')

/**
 * Writes onto a room's board on the server's behalf — under the room document's own Yjs client
 * id, which belongs to no participant. Like every update, it is stored before anyone receives it.
 */
export class BoardWriter {
  constructor(private readonly registry: RoomRegistry) {}

  /**
   * Lays a template's regions out on a new board (with the document, page and schema every board
   * has, if the board is empty); the ids of the layout records participants may not change.
   */
  async layOut(roomId: string, regions: readonly RegionSpec[]): Promise<string[]> {
    return withRoom(this.registry, roomId, async (room) => {
      const records = room.doc.getMap<unknown>(RECORDS_MAP)
      const empty = records.size === 0
      const base = empty ? baseBoardRecords() : []
      const existing = [...records.values(), ...base]
      const layout = layoutRecords(regions, firstPageId(existing), existing, newShapeId)
      room.doc.transact(() => {
        if (empty) room.doc.getMap<unknown>(META_MAP).set('schema', boardSchema())
        for (const record of [...base, ...layout.records]) records.set(record.id, record)
      }, SERVER_ORIGIN)
      await room.flushed()
      return [...layout.layoutIds]
    })
  }

  /**
   * Keeps a template's content texts on the board (tpl:DC6): each in its region under the prompt,
   * written when new, rewritten when its text changed, removed when it became empty; the region
   * grows to show it. Returns the ids of the texts it created (to hold fixed for participants).
   */
  async keepRegionContent(roomId: string, contents: readonly RegionContent[]): Promise<string[]> {
    if (contents.length === 0) return []
    return withRoom(this.registry, roomId, async (room) => {
      const records = room.doc.getMap<unknown>(RECORDS_MAP)
      const shapes = [...records.values()] as ShapeJson[]
      const frames = regionFramesOf(shapes)
      const created: string[] = []
      const writes: { id: string; record: unknown }[] = []
      const deletes: string[] = []
      for (const { region, text } of contents) {
        const frame = frames.get(region)
        if (!frame || typeof frame.id !== 'string') continue
        const current = shapes.find(
          (shape) => shape.type === 'text' && shape.meta?.regionContent === region,
        )
        const currentId = typeof current?.id === 'string' ? current.id : null
        if (text === '') {
          if (currentId) deletes.push(currentId)
          continue
        }
        const w = (typeof frame.props?.w === 'number' ? frame.props.w : 520) - 48
        const id = currentId ?? `shape:${newShapeId()}`
        const record = regionText({
          id,
          text,
          parentId: frame.id,
          index: indicesOnTop(shapes, frame.id, 1)[0] ?? 'a1',
          y: CONTENT_TOP,
          w,
          meta: { regionContent: region },
          look: 'content',
        })
        const unchanged =
          JSON.stringify(current?.props?.richText) === JSON.stringify(plainTextToRichText(text))
        if (current && unchanged) continue
        if (!currentId) created.push(id)
        writes.push({
          id,
          // Where the facilitator may have moved it, and at its depth.
          record: current
            ? {
                ...record,
                index: (current as { index?: unknown }).index,
                x: current.x,
                y: current.y,
              }
            : record,
        })
        const needed = CONTENT_TOP + regionTextHeight(text, w) + 24
        const h = typeof frame.props?.h === 'number' ? frame.props.h : 0
        if (needed > h)
          writes.push({ id: frame.id, record: { ...frame, props: { ...frame.props, h: needed } } })
      }
      if (writes.length === 0 && deletes.length === 0) return []
      room.doc.transact(() => {
        for (const { id, record } of writes) records.set(id, record)
        for (const id of deletes) records.delete(id)
      }, SERVER_ORIGIN)
      await room.flushed()
      return created
    })
  }

  /**
   * Writes stored action items' follow-up onto their notes (fac:AI4): owner, due date, status and
   * id, as the store has them — so the board, and every export made from it, says what the
   * follow-up view says. A note deleted since, or no longer an action item, is left alone.
   */
  async writeActionFollowUps(
    roomId: string,
    followUps: readonly (ActionFollowUp & { readonly shapeId: string })[],
    /** Make the note an action item if it is none yet (`action.set`). */
    options: { readonly create?: boolean } = {},
  ): Promise<void> {
    if (followUps.length === 0) return
    await withRoom(this.registry, roomId, async (room) => {
      const records = room.doc.getMap<unknown>(RECORDS_MAP)
      const writes: { id: string; record: unknown }[] = []
      for (const { shapeId, ...followUp } of followUps) {
        const note = records.get(shapeId) as
          { type?: unknown; meta?: { action?: unknown } } | undefined
        const current = note?.meta?.action
        const action = typeof current === 'object' && current !== null ? current : null
        if (note?.type !== 'note' || (action === null && !options.create)) continue
        const next = { ...action, ...followUp }
        if (JSON.stringify(next) === JSON.stringify(action)) continue
        writes.push({ id: shapeId, record: { ...note, meta: { ...note.meta, action: next } } })
      }
      if (writes.length === 0) return
      room.doc.transact(() => {
        for (const { id, record } of writes) records.set(id, record)
      }, SERVER_ORIGIN)
      await room.flushed()
    })
  }

  /** Makes a note no longer an action item (`action.clear`); its stored item stays, dropped. */
  async clearAction(roomId: string, shapeId: string): Promise<void> {
    await withRoom(this.registry, roomId, async (room) => {
      const records = room.doc.getMap<unknown>(RECORDS_MAP)
      const note = records.get(shapeId) as { meta?: Record<string, unknown> } | undefined
      if (!note?.meta || !('action' in note.meta)) return
      const { action: _cleared, ...meta } = note.meta
      room.doc.transact(() => records.set(shapeId, { ...note, meta }), SERVER_ORIGIN)
      await room.flushed()
    })
  }

  /**
   * Places notes, in order: each in its region (in rows under what is already there, the region
   * growing to fit), or else in a grid below everything on the first page. Returns their ids.
   */
  async addNotes(roomId: string, notes: readonly NewNote[]): Promise<string[]> {
    if (notes.length === 0) return []
    return withRoom(this.registry, roomId, async (room) => {
      const records = room.doc.getMap<unknown>(RECORDS_MAP)
      const shapes = [...records.values()] as ShapeJson[]
      const pageId = firstPageId(shapes)
      const regionFrames = regionFramesOf(shapes)
      const ids = notes.map(() => `shape:${newShapeId()}`)
      // Notes go to their region's frame, or the page; placed per destination.
      const destinations = new Map<string, number[]>()
      notes.forEach((note, i) => {
        const frame = note.region === null ? undefined : regionFrames.get(note.region)
        const parent = typeof frame?.id === 'string' ? frame.id : pageId
        destinations.set(parent, [...(destinations.get(parent) ?? []), i])
      })
      room.doc.transact(() => {
        for (const [parentId, members] of destinations) {
          const frame = parentId === pageId ? null : (records.get(parentId) as ShapeJson)
          const placed = frame
            ? placeInFrame(shapes, frame, members.length, records)
            : revealPositions(
                positionsOn(shapes, pageId, () => true),
                members.length,
              )
          const indices = indicesOnTop(shapes, parentId, members.length)
          members.forEach((noteIndex, i) => {
            const note = notes[noteIndex]
            const at = placed[i] ?? { x: 0, y: 0 }
            if (!note) return
            const record = noteRecord({
              id: ids[noteIndex] ?? '',
              text: note.text,
              x: at.x,
              y: at.y,
              parentId,
              index: indices[i] ?? 'a1',
              color: note.color,
              author: note.author,
              // The region it was written for outlives a move into a theme outside the region.
              meta:
                note.region === null
                  ? { revealed: true }
                  : { revealed: true, writtenFor: note.region },
            })
            records.set(record.id, record)
          })
        }
      }, SERVER_ORIGIN)
      await room.flushed()
      return ids
    })
  }
}

/** The frame a template laid out for each region, by its key. */
function regionFramesOf(shapes: readonly ShapeJson[]): Map<string, ShapeJson> {
  const frames = new Map<string, ShapeJson>()
  for (const shape of shapes) {
    const key = shape.meta?.region
    if (shape.type === 'frame' && typeof key === 'string' && !frames.has(key))
      frames.set(key, shape)
  }
  return frames
}

function positionsOn(
  shapes: readonly ShapeJson[],
  parentId: string,
  include: (shape: ShapeJson) => boolean,
): { x: number; y: number }[] {
  return shapes.flatMap((shape) =>
    shape.typeName === 'shape' &&
    shape.parentId === parentId &&
    include(shape) &&
    typeof shape.x === 'number' &&
    typeof shape.y === 'number'
      ? [{ x: shape.x, y: shape.y }]
      : [],
  )
}

/** Positions inside a region frame; grows the frame (in this transaction) to show them. */
function placeInFrame(
  shapes: readonly ShapeJson[],
  frame: ShapeJson,
  count: number,
  records: Y.Map<unknown>,
): { x: number; y: number }[] {
  const w = typeof frame.props?.w === 'number' ? frame.props.w : 520
  const h = typeof frame.props?.h === 'number' ? frame.props.h : 760
  const existing = positionsOn(shapes, String(frame.id), (shape) => shape.type === 'note')
  const grid = gridInRegion(existing, count, { w, h })
  if (grid.height > h) {
    const grown = { ...(frame as object), props: { ...frame.props, h: grid.height } }
    records.set(String(frame.id), grown)
  }
  return grid.positions
}

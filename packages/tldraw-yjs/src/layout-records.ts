/**
 * A template's board made outside an editor, by the server when a workshop is created: the
 * document and page every board has, each region as a frame (`meta.region`) with its prompt as a
 * locked text inside it, and any pre-filled notes. Like `noteRecord`, these follow tldraw's schema
 * exactly (the tests validate them against it).
 */
import {
  createTLSchema,
  DocumentRecordType,
  PageRecordType,
  TLDOCUMENT_ID,
  type TLPageId,
  type TLRecord,
  type TLShapeId,
} from '@tldraw/tlschema'
import { getIndicesAbove, type IndexKey } from '@tldraw/utils'
import { highestIndex, noteRecord, plainTextToRichText } from './note-records.js'

export const FIRST_PAGE_ID = 'page:page'

/** What the board needs to know of a template region. */
export interface RegionSpec {
  readonly key: string
  readonly title: string
  readonly prompt: string
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
  readonly color: string
  readonly notes?: readonly {
    readonly text: string
    readonly meta: Readonly<Record<string, string | number | boolean | null>>
  }[]
}

export interface LayoutRecords {
  readonly records: readonly TLRecord[]
  /** The frames and prompts: fixed for participants. */
  readonly layoutIds: readonly string[]
}

/** The records every board starts with: the document and its first page. */
export function baseBoardRecords(): TLRecord[] {
  return [
    DocumentRecordType.create({ id: TLDOCUMENT_ID }),
    PageRecordType.create({
      id: FIRST_PAGE_ID as TLPageId,
      name: 'Page 1',
      index: 'a1' as IndexKey,
    }),
  ]
}

/** tldraw's schema as the records above were written with it (stored beside them). */
export function boardSchema() {
  return createTLSchema().serialize()
}

const NOTE = 200
const GAP = 40
const PADDING = 24
/** Room at the top of a region for its prompt. */
export const PROMPT_HEIGHT = 64

/**
 * [tly:LY1] Places `count` notes in a region of width `w`, in rows under the prompt and below the
 * notes already there; and the height the region needs to show them all.
 */
export function gridInRegion(
  existing: readonly { readonly y: number }[],
  count: number,
  region: { readonly w: number; readonly h: number },
): { positions: { x: number; y: number }[]; height: number } {
  const columns = Math.max(1, Math.floor((region.w - PADDING + GAP) / (NOTE + GAP)))
  const top =
    existing.length > 0
      ? Math.max(...existing.map((point) => point.y)) + NOTE + GAP
      : PROMPT_HEIGHT + PADDING
  const positions = Array.from({ length: count }, (_, i) => ({
    x: PADDING + (i % columns) * (NOTE + GAP),
    y: top + Math.floor(i / columns) * (NOTE + GAP),
  }))
  const bottom = Math.max(0, ...positions.map((p) => p.y + NOTE + PADDING))
  return { positions, height: Math.max(region.h, bottom) }
}

/** The frames, prompts and seed notes of a layout, on `pageId`, above what is there. */
export function layoutRecords(
  regions: readonly RegionSpec[],
  pageId: string,
  existing: Iterable<unknown>,
  newId: () => string,
): LayoutRecords {
  const records: TLRecord[] = []
  const layoutIds: string[] = []
  const frameIndices = getIndicesAbove(highestIndex(existing, pageId), regions.length)
  regions.forEach((region, i) => {
    const frameId = `shape:${newId()}` as TLShapeId
    const promptId = `shape:${newId()}` as TLShapeId
    const notes = region.notes ?? []
    const grid = gridInRegion([], notes.length, region)
    const childIndices = getIndicesAbove(null, notes.length + 1)
    records.push({
      id: frameId,
      typeName: 'shape',
      type: 'frame',
      x: region.x,
      y: region.y,
      rotation: 0,
      index: frameIndices[i] ?? ('a1' as IndexKey),
      parentId: pageId as TLPageId,
      isLocked: false,
      opacity: 1,
      meta: { region: region.key },
      props: { w: region.w, h: grid.height, name: region.title, color: region.color },
    } as TLRecord)
    records.push(
      regionText({
        id: promptId,
        text: region.prompt,
        parentId: frameId,
        index: childIndices[0] ?? 'a1',
        y: PADDING,
        w: region.w - 2 * PADDING,
        meta: { regionPrompt: region.key },
        look: 'prompt',
      }),
    )
    layoutIds.push(frameId, promptId)
    notes.forEach((note, n) => {
      const at = grid.positions[n] ?? { x: PADDING, y: PROMPT_HEIGHT }
      records.push(
        noteRecord({
          id: `shape:${newId()}`,
          text: note.text,
          x: at.x,
          y: at.y,
          parentId: frameId,
          index: childIndices[n + 1] ?? 'a1',
          color: 'light-violet',
          author: null,
          meta: { ...note.meta },
        }),
      )
    })
  })
  return { records, layoutIds }
}

/** Where a region's content text starts: under its prompt. */
export const CONTENT_TOP = PROMPT_HEIGHT

/**
 * [tly:LY2] A text the server keeps in a region (its prompt, or content such as a proposal): a
 * tldraw text shape, locked in tldraw too so nobody selects it by accident — the server holds it
 * fixed for participants anyway.
 */
export function regionText(spec: {
  readonly id: string
  readonly text: string
  readonly parentId: string
  readonly index: string
  readonly y: number
  readonly w: number
  readonly meta: Readonly<Record<string, string>>
  /** A prompt is small and grey; content reads like the board's own text. */
  readonly look: 'prompt' | 'content'
}): TLRecord {
  return {
    id: spec.id as TLShapeId,
    typeName: 'shape',
    type: 'text',
    x: PADDING,
    y: spec.y,
    rotation: 0,
    index: spec.index as IndexKey,
    parentId: spec.parentId as TLShapeId,
    isLocked: true,
    opacity: 1,
    meta: { ...spec.meta },
    props: {
      color: spec.look === 'prompt' ? 'grey' : 'black',
      size: 's',
      font: 'sans',
      textAlign: 'start',
      w: spec.w,
      richText: plainTextToRichText(spec.text),
      scale: 1,
      autoSize: false,
    },
  } as TLRecord
}

/** Roughly how tall a region text of `text` is at width `w` (to grow its frame to show it all). */
export function regionTextHeight(text: string, w: number): number {
  const charsPerLine = Math.max(10, Math.floor(w / 9))
  const lines = text
    .split('\n')
    .reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / charsPerLine)), 0)
  return lines * 24 + 16
}

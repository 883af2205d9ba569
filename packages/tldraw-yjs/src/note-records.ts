/**
 * tldraw note records made outside an editor — by the server, when it reveals private notes onto
 * the board. They follow tldraw's note shape exactly (the tests validate them against tldraw's
 * own schema), so every client's store accepts them.
 */
import type { TLRecord, TLShapeId } from '@tldraw/tlschema'
import { getIndicesAbove, type IndexKey } from '@tldraw/utils'

/** tldraw's rich text: one paragraph per line. */
export function plainTextToRichText(text: string) {
  return {
    type: 'doc',
    content: text
      .split('\n')
      .map((line) =>
        line === ''
          ? { type: 'paragraph' }
          : { type: 'paragraph', content: [{ type: 'text', text: line }] },
      ),
  }
}

export type NoteColor =
  | 'yellow'
  | 'light-blue'
  | 'light-green'
  | 'light-violet'
  | 'light-red'
  | 'orange'
  | 'blue'
  | 'green'
  | 'violet'
  | 'red'

export const noteColors: readonly NoteColor[] = [
  'yellow',
  'light-blue',
  'light-green',
  'light-violet',
  'light-red',
  'orange',
  'blue',
  'green',
  'violet',
  'red',
]

/**
 * The key in a note's `meta` that names who last wrote its text, as `user:<member id>`. tldraw
 * 3.x has no attribution of its own, so Accord keeps it here and draws the label itself; in an
 * anonymous room it is never set.
 */
export const NOTE_AUTHOR_META = 'author'

/** The `user:<id>` a note's text is attributed to, or null. */
export function noteAuthor(record: { readonly meta?: unknown }): string | null {
  const meta = record.meta
  if (typeof meta !== 'object' || meta === null) return null
  const author = (meta as Record<string, unknown>)[NOTE_AUTHOR_META]
  return typeof author === 'string' && author.startsWith('user:') ? author : null
}

export interface NoteSpec {
  /** A shape id: `shape:<something unique>`. */
  readonly id: string
  readonly text: string
  readonly x: number
  readonly y: number
  /** The page (or frame) the note sits on. */
  readonly parentId: string
  readonly index: string
  readonly color: NoteColor
  /** `user:<id>` of the author, shown on the note (see `NOTE_AUTHOR_META`); null: no author. */
  readonly author: string | null
  readonly meta?: Record<string, string | number | boolean | null>
}

export function noteRecord(spec: NoteSpec): TLRecord {
  return {
    id: spec.id as TLShapeId,
    typeName: 'shape',
    type: 'note',
    x: spec.x,
    y: spec.y,
    rotation: 0,
    index: spec.index as IndexKey,
    parentId: spec.parentId as TLShapeId,
    isLocked: false,
    opacity: 1,
    meta: {
      ...spec.meta,
      ...(spec.author === null ? {} : { [NOTE_AUTHOR_META]: spec.author }),
    },
    props: {
      color: spec.color,
      richText: plainTextToRichText(spec.text),
      size: 'm',
      font: 'draw',
      align: 'middle',
      verticalAlign: 'middle',
      labelColor: 'black',
      growY: 0,
      fontSizeAdjustment: 1,
      url: '',
      scale: 1,
    },
  } as TLRecord
}

/**
 * `count` fractional indices above every shape already on `parentId`, so new notes are drawn on
 * top of it.
 */
export function indicesOnTop(
  records: Iterable<unknown>,
  parentId: string,
  count: number,
): string[] {
  return getIndicesAbove(highestIndex(records, parentId), count)
}

/** The highest fractional index among the shapes on `parentId`, or null if there are none. */
export function highestIndex(records: Iterable<unknown>, parentId: string): IndexKey | null {
  let highest: IndexKey | null = null
  for (const record of records) {
    const shape = record as { typeName?: unknown; parentId?: unknown; index?: unknown }
    if (
      shape.typeName !== 'shape' ||
      shape.parentId !== parentId ||
      typeof shape.index !== 'string'
    )
      continue
    if (highest === null || shape.index > highest) highest = shape.index as IndexKey
  }
  return highest
}

/** The id of the board's first page (where revealed notes go). */
export function firstPageId(records: Iterable<unknown>): string {
  let first: { id: string; index: string } | null = null
  for (const record of records) {
    const page = record as { typeName?: unknown; id?: unknown; index?: unknown }
    if (page.typeName !== 'page' || typeof page.id !== 'string' || typeof page.index !== 'string')
      continue
    if (!first || page.index < first.index) first = { id: page.id, index: page.index }
  }
  return first?.id ?? 'page:page'
}

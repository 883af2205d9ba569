/**
 * Board entries: a key–value channel for integration tests that only need "some edit" to travel,
 * be stored and converge, made of what an honest client may write. The server's write policy
 * lets a writer's connection change nothing but the board's records (`tldraw:records`), one
 * valid tldraw 3.15 record per id — so each entry is a sticky note `shape:<key>` on the board's
 * first page, its value kept in the note's `meta.value` (tldraw's meta holds any JSON), its text
 * the key.
 *
 * Every record is checked with the server's own validator (`boardRecordProblem`) before it is
 * written: a test whose honest client would be refused fails at once, saying why, instead of
 * waiting for an edit the server dropped.
 */
import {
  boardRecordProblem,
  indicesOnTop,
  noteRecord,
  RECORDS_MAP,
  type NoteColor,
} from '@accord/tldraw-yjs'
import type * as Y from 'yjs'

/** The page a room's document holds from its creation (see `POST /api/rooms`). */
export const BOARD_PAGE = 'page:page'

/** The shape id of the entry `key`. */
export function entryId(key: string): string {
  return `shape:${key}`
}

export interface EntryPlace {
  readonly x?: number
  readonly y?: number
  /** A fractional index (tldraw's `IndexKey`); by default on top of the page's shapes. */
  readonly index?: string
  readonly color?: NoteColor
}

/** The note that holds `value` as the entry `key`: a valid tldraw note shape. */
export function entryRecord(key: string, value: unknown, place: EntryPlace = {}) {
  const note = noteRecord({
    id: entryId(key),
    text: key,
    x: place.x ?? 0,
    y: place.y ?? 0,
    parentId: BOARD_PAGE,
    index: place.index ?? 'a1',
    color: place.color ?? 'yellow',
    author: null,
  })
  return { ...note, meta: { value } } as Record<string, unknown> & { id: string }
}

/** Throws, saying why, if the server would refuse `record` at `id` (see `boardRecordProblem`). */
export function expectValidRecord(id: string, record: unknown): void {
  const problem = boardRecordProblem(id, record)
  if (problem !== null) throw new Error(`not a valid board record: ${problem}`)
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/**
 * A valid fractional index (tldraw's `IndexKey`) for the `n`-th of up to 62⁴ shapes, ascending
 * with `n`, made without looking at the board: for tests that write many shapes quickly.
 */
export function orderedIndex(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 62 ** 4) throw new Error(`no ordered index ${n}`)
  let digits = ''
  for (let rest = n, i = 0; i < 4; i++, rest = Math.floor(rest / 62)) {
    digits = BASE62[rest % 62]! + digits
  }
  return `d${digits}`
}

function records(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(RECORDS_MAP)
}

/**
 * Sets the entry `key` to `value` (any JSON) in one transaction: a new note on top of the page,
 * or the same note with its new value (where it was, as tldraw would update it).
 */
export function putEntry(doc: Y.Doc, key: string, value: unknown, place: EntryPlace = {}): void {
  const map = records(doc)
  const id = entryId(key)
  const existing = map.get(id) as { index?: string; x?: number; y?: number } | undefined
  const record = entryRecord(key, value, {
    x: existing?.x,
    y: existing?.y,
    ...place,
    index: place.index ?? existing?.index ?? indicesOnTop(map.values(), BOARD_PAGE, 1)[0]!,
  })
  expectValidRecord(id, record)
  map.set(id, record)
}

/** The value of the entry `key`, or undefined if the board has no such entry. */
export function entryOf(doc: Y.Doc, key: string): unknown {
  const record = records(doc).get(entryId(key)) as { meta?: { value?: unknown } } | undefined
  return record?.meta?.value
}

export function hasEntry(doc: Y.Doc, key: string): boolean {
  return records(doc).has(entryId(key))
}

/** Removes the entry `key` (tldraw deletes a shape by deleting its record). */
export function deleteEntry(doc: Y.Doc, key: string): void {
  records(doc).delete(entryId(key))
}

/**
 * Every entry on the board, by key: the shapes whose `meta` holds a value. The room's own records
 * (its document and page) and other shapes are not entries.
 */
export function entriesOf(doc: Y.Doc): Record<string, unknown> {
  const entries: Record<string, unknown> = {}
  records(doc).forEach((record, id) => {
    const meta = (record as { typeName?: unknown; meta?: Record<string, unknown> }).meta
    if (id.startsWith('shape:') && meta !== undefined && 'value' in meta) {
      entries[id.slice('shape:'.length)] = meta.value
    }
  })
  return entries
}

/** Entries whose key starts with `prefix`, by key. */
export function entriesUnder(doc: Y.Doc, prefix: string): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(entriesOf(doc)).filter(([key]) => key.startsWith(prefix)),
  )
}

/** How many entries the board holds under `prefix` (all of them by default). */
export function entryCount(doc: Y.Doc, prefix = ''): number {
  return Object.keys(entriesUnder(doc, prefix)).length
}

/**
 * The values of the numbered entries `<prefix>0`, `<prefix>1`, … in the order of their numbers:
 * what a test that used to push onto a shared list reads back.
 */
export function numberedEntries(doc: Y.Doc, prefix: string): unknown[] {
  return Object.entries(entriesUnder(doc, prefix))
    .map(([key, value]) => ({ n: Number(key.slice(prefix.length)), value }))
    .filter(({ n }) => Number.isInteger(n))
    .sort((a, b) => a.n - b.n)
    .map(({ value }) => value)
}

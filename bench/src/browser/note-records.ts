/**
 * A board of sticky notes as the web app stores it: tldraw `note` shape records (every prop of
 * tldraw 3.15's note shape, rich text included) in the `tldraw:records` map, keyed by id, on the
 * board's first page. They mirror `noteRecord` in packages/tldraw-yjs, which is tested against
 * tldraw's own schema; the bench may not import it (it drives Accord from outside only), and the
 * browser scenario proves these are accepted: the editor must count every one of them.
 */
import { prng } from '../load/wait.js'

export const RECORDS_MAP = 'tldraw:records'
/** The page every Accord board starts with (`baseBoardRecords`). */
export const FIRST_PAGE_ID = 'page:page'

/** tldraw's note is 200 × 200 page units; the gap is the one Accord's own grids use. */
export const NOTE_SIZE = 200
export const NOTE_PITCH = NOTE_SIZE + 40

const colors = ['yellow', 'light-blue', 'light-green', 'orange', 'light-violet'] as const
const words = [
  'ship',
  'onboarding',
  'faster',
  'reviews',
  'pairing',
  'flaky',
  'tests',
  'customer',
  'feedback',
  'release',
  'notes',
  'retro',
  'blocker',
  'docs',
  'demo',
  'budget',
] as const

/** Base 62 in character-code order: the digits of tldraw's fractional index keys. */
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/**
 * `count` increasing fractional index keys from `a1`: integer keys only (`a1`…`az`, `b00`…`bzz`,
 * `c000`…), as tldraw's `getIndicesAbove(null, count)` makes them but without its jitter. Head
 * letter `a` + k is followed by k + 1 digits.
 */
export function indexKeys(count: number): string[] {
  const keys: string[] = []
  for (let head = 0, first = 1; keys.length < count; head++, first = 0) {
    if (head >= 26) throw new Error(`${count} index keys do not fit`)
    const length = head + 1
    const size = DIGITS.length ** length
    for (let n = first; n < size && keys.length < count; n++) {
      let digits = ''
      for (let rest = n, i = 0; i < length; i++, rest = Math.floor(rest / DIGITS.length)) {
        digits = (DIGITS[rest % DIGITS.length] as string) + digits
      }
      keys.push(String.fromCharCode(97 + head) + digits)
    }
  }
  return keys
}

/** Columns for `count` notes, so the grid has about the viewport's shape (16:10). */
export function gridColumns(count: number): number {
  return Math.max(1, Math.ceil(Math.sqrt(count * 1.6)))
}

function noteText(i: number, random: () => number): string {
  const pick = () => words[Math.floor(random() * words.length)] as string
  return `#${i + 1} ${pick()} ${pick()} ${pick()}`
}

/** tldraw's rich text: one paragraph of one text run. */
function richText(text: string) {
  return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }
}

export interface NoteRecord {
  readonly id: string
  readonly typeName: 'shape'
  readonly type: 'note'
  readonly x: number
  readonly y: number
  readonly index: string
  readonly props: { readonly color: string; readonly richText: ReturnType<typeof richText> }
  readonly [field: string]: unknown
}

/**
 * `count` notes in a grid from the page's origin, row by row, each with a short text; the same
 * `seed` gives the same board.
 */
export function noteRecords(count: number, seed: number): NoteRecord[] {
  const random = prng(seed)
  const columns = gridColumns(count)
  const indices = indexKeys(count)
  return indices.map((index, i) => ({
    id: `shape:bench-note-${i}`,
    typeName: 'shape',
    type: 'note',
    x: (i % columns) * NOTE_PITCH,
    y: Math.floor(i / columns) * NOTE_PITCH,
    rotation: 0,
    index,
    parentId: FIRST_PAGE_ID,
    isLocked: false,
    opacity: 1,
    meta: {},
    props: {
      color: colors[i % colors.length] as string,
      richText: richText(noteText(i, random)),
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
  }))
}

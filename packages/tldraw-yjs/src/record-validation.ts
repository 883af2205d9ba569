/**
 * Is this a record the shared board may hold? Checked by the server on every record a client
 * writes, the way tldraw's own sync server checks them (`TLSyncRoom`): a record type of the
 * document scope, an id that is the record's key and carries its type's prefix, props valid for
 * the tldraw version the web app ships — plus plain JSON only and a bound on its size.
 *
 * A record tldraw refuses must never be stored: the web app drops it, so the board, PNG and SVG
 * would lack it while the exports built from the document include it.
 */
import { createTLSchema } from '@tldraw/tlschema'

/** The schema of the board, as the web app's store builds it (default shapes and bindings). */
const schema = createTLSchema()

/**
 * Record types of the shared board: tldraw's document scope. Cameras, selections, pointers and
 * presence are per-browser (session scope) or travel as presence, never in the document.
 */
export const BOARD_RECORD_TYPES: ReadonlySet<string> = new Set(
  Object.values(schema.types)
    .filter((type) => type.scope === 'document')
    .map((type) => type.typeName),
)

/** Default bound on one record's size as JSON: room for a pasted image inlined as a data URL. */
export const DEFAULT_MAX_RECORD_BYTES = 2 * 1024 * 1024

/** Beyond this depth a value is not a board record (tldraw's deepest props are far shallower). */
const MAX_DEPTH = 64

export interface RecordCheckOptions {
  /** Bound on the record's size as JSON, in bytes (UTF-16 code units, counted cheaply). */
  readonly maxBytes?: number
}

/** What is wrong with a record written at `key` of the board's record map, briefly; null if nothing. */
export function boardRecordProblem(
  key: string,
  value: unknown,
  options: RecordCheckOptions = {},
): string | null {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_RECORD_BYTES
  const name = key.length > 80 ? `${key.slice(0, 80)}…` : key
  const size = plainJsonSize(value, maxBytes)
  if (size === 'not-json') return `${name}: a board record is plain JSON`
  if (size === 'too-large') return `${name}: a board record is at most ${maxBytes} bytes`
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return `${name}: a board record is an object`
  }
  const { id, typeName } = value as { id?: unknown; typeName?: unknown }
  if (typeof typeName !== 'string' || !BOARD_RECORD_TYPES.has(typeName)) {
    return `${name}: not a record type of the shared board`
  }
  if (id !== key) return `${name}: the record's id is not its key`
  if (!key.startsWith(`${typeName}:`)) return `${name}: the id does not match the type`
  try {
    schema.types[typeName as keyof typeof schema.types].validate(value)
  } catch (error) {
    return `${name}: invalid ${typeName} (${firstLine(error)})`
  }
  return null
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.split('\n')[0]?.slice(0, 200) ?? ''
}

/**
 * The size of a plain JSON value (null, booleans, finite numbers, strings, arrays, objects with
 * the plain prototype), walked without recursion and abandoned as soon as it passes `limit`:
 * a hostile value costs at most `limit` of work, not its own size.
 */
export function plainJsonSize(value: unknown, limit: number): number | 'not-json' | 'too-large' {
  let size = 0
  const stack: { readonly value: unknown; readonly depth: number }[] = [{ value, depth: 0 }]
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!
    if (depth > MAX_DEPTH) return 'not-json'
    if (current === null || typeof current === 'boolean') size += 5
    else if (typeof current === 'number') {
      if (!Number.isFinite(current)) return 'not-json'
      size += 24
    } else if (typeof current === 'string') size += current.length + 2
    else if (Array.isArray(current)) {
      size += 2
      for (const item of current) stack.push({ value: item, depth: depth + 1 })
    } else if (typeof current === 'object' && Object.getPrototypeOf(current) === Object.prototype) {
      size += 2
      for (const [key, item] of Object.entries(current)) {
        size += key.length + 4
        stack.push({ value: item, depth: depth + 1 })
      }
    } else return 'not-json' // undefined, bigint, binary, functions, class instances
    if (size > limit) return 'too-large'
  }
  return size
}

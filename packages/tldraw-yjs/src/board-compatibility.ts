/**
 * Whether this build of Accord can open a stored board. A board keeps the tldraw schema its
 * records were written with (`META_MAP`). tldraw migrates older records up, but it cannot take
 * records down from a newer tldraw: a board written by tldraw 4 or 5 (Accord before the move to
 * the 3.x line) has record types and versions this tldraw does not know, and opening it would
 * show a broken board. Such a board is refused, with this reason.
 */
import type { SerializedSchema } from '@tldraw/store'
import { createTLSchema } from '@tldraw/tlschema'
import type * as Y from 'yjs'
import { META_MAP, SCHEMA_KEY } from './store-binding.js'

const known = createTLSchema()
const knownSequences: Readonly<Record<string, number>> = known.serialize().sequences

export const INCOMPATIBLE_BOARD =
  'this board was saved by a newer version of the board editor than this server runs, and cannot be opened here'

/**
 * Null when every record type in `stored` is one this tldraw knows at a version it knows or can
 * migrate from; otherwise what is newer, for logs.
 */
export function schemaProblem(stored: unknown): string | null {
  if (!isSerializedSchema(stored)) return 'its schema is not a tldraw schema'
  if (stored.schemaVersion !== 2) {
    // tldraw's first schema format: older than anything here, which tldraw migrates up.
    return known.getMigrationsSince(stored).ok ? null : 'its schema cannot be migrated'
  }
  const newer: string[] = []
  for (const [sequence, version] of Object.entries(stored.sequences)) {
    const ours = knownSequences[sequence]
    if (ours === undefined) newer.push(`${sequence} (unknown here)`)
    else if (version > ours) newer.push(`${sequence} ${version} (here ${ours})`)
  }
  if (newer.length > 0) return `newer records: ${newer.join(', ')}`
  return known.getMigrationsSince(stored).ok ? null : 'its schema cannot be migrated'
}

/** `schemaProblem` for a board's document; a board with no schema yet is new, and fine. */
export function boardProblem(doc: Y.Doc): string | null {
  const stored = doc.getMap<unknown>(META_MAP).get(SCHEMA_KEY)
  return stored === undefined ? null : schemaProblem(stored)
}

function isSerializedSchema(value: unknown): value is SerializedSchema & {
  readonly sequences: Record<string, number>
} {
  if (typeof value !== 'object' || value === null) return false
  const { schemaVersion } = value as { schemaVersion?: unknown }
  if (schemaVersion === 1) return true
  const { sequences } = value as { sequences?: unknown }
  return (
    schemaVersion === 2 &&
    typeof sequences === 'object' &&
    sequences !== null &&
    Object.values(sequences).every((version) => Number.isInteger(version) && version >= 0)
  )
}

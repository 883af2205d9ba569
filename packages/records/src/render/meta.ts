/** What every workshop export says about the workshop it came from, and how it says it. */
import { findTemplate } from '@accord/templates'

export interface ExportMeta {
  readonly roomId: string
  readonly title: string
  /** The template's id (`retro`, `pre-mortem`, …), as the room stores it. */
  readonly template: string
  /** When the workshop closed (ms since the epoch, as the room stores it), or null while open. */
  readonly closedAt: number | null
}

/**
 * The board's path in the web app, the room id percent-encoded — parentheses and quotes too, so
 * the path can stand as a Markdown link's destination.
 */
export const boardPath = (roomId: string) =>
  `/b/${encodeURIComponent(roomId).replace(/[!'()*]/g, percentEncoded)}`

const percentEncoded = (char: string) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`

/** A template's display name; an unknown id is shown as it is. */
export const templateName = (id: string) => findTemplate(id)?.name ?? id

/** The ISO form of a time (ms since the epoch, or a date string); null if it is not one. */
export function iso(at: number | string): string | null {
  const date = new Date(at)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}

/** The UTC day (YYYY-MM-DD) of a time; what was given, if it is not a time. */
export const isoDay = (at: number | string) => iso(at)?.slice(0, 10) ?? String(at)

/** A moment as people read it, `YYYY-MM-DD HH:MM UTC`; what was given, if it is not a time. */
export function isoMinute(at: number | string): string {
  const value = iso(at)
  return value ? `${value.slice(0, 16).replace('T', ' ')} UTC` : String(at)
}

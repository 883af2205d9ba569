/** What every workshop export says about the workshop it came from, and how it says it. */
import { findTemplate } from '@accord/templates'

export interface ExportMeta {
  readonly roomId: string
  readonly title: string
  /** The template's id (`retro`, `pre-mortem`, …), as the room stores it. */
  readonly template: string
  /** When the workshop closed (ms since the epoch, as the room stores it), or null while open. */
  readonly closedAt: number | null
  /**
   * The instance's address (`https://accord.example.com`), so that board links still work once a
   * file is pasted elsewhere (a wiki, a ticket); absent or null, they are paths on the site.
   */
  readonly origin?: string | null
}

/**
 * The board's path in the web app, the room id percent-encoded — parentheses and quotes too, so
 * the path can stand as a Markdown link's destination.
 */
export const boardPath = (roomId: string) =>
  `/b/${encodeURIComponent(roomId).replace(/[!'()*]/g, percentEncoded)}`

/** An origin a link can start with as it is, in Markdown, CSV and JSON alike. */
const PLAIN_ORIGIN =
  /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$|^https?:\/\/\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/

/**
 * [rec:RN9] A board's link: the instance's address and the board's path, or the path alone. An
 * origin that is not plainly `http(s)://host[:port]` (a `Host` header can carry parentheses and
 * quotes) is left out rather than let into a link.
 */
export const boardLink = (roomId: string, origin?: string | null) =>
  `${origin && PLAIN_ORIGIN.test(origin) ? origin : ''}${boardPath(roomId)}`

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

/**
 * What a room's audit log keeps of a command: who, which type, the outcome and a short reason —
 * the body only while it is small. A refused command's body used to be stored whole (up to the
 * 64 KiB request bound) and without end: a viewer added 37.7 MB to the database in 1.8 s. Now
 * each entry is under about a kilobyte and a room keeps the newest `keepAccepted` accepted and
 * `keepRefused` refused entries (each outcome apart, so refusals a client produces at will never
 * push out what the room really did).
 */
import type { CommandRecord } from '@accord/db'
import type { CommandContext } from './command.js'

export const auditBounds = {
  /** A body stored in full up to this many bytes of JSON; a larger one as its size only. */
  bodyBytes: 512,
  reasonChars: 200,
  typeChars: 64,
  keepAccepted: 5000,
  keepRefused: 500,
} as const

/** The body as stored: itself while small, else `{ omitted: true, bytes }`. */
export function auditedBody(payload: unknown): unknown {
  const json = JSON.stringify(payload ?? null)
  const bytes = Buffer.byteLength(json)
  return bytes <= auditBounds.bodyBytes ? (payload ?? null) : { omitted: true, bytes }
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

export function recordAudit(
  context: CommandContext,
  entry: {
    readonly type: string
    readonly payload: unknown
    readonly outcome: CommandRecord['outcome']
    readonly reason: string | null
  },
): Promise<void> {
  const { roomId, role, member } = context.credential
  const record: CommandRecord = {
    roomId,
    memberId: member?.id ?? null,
    role,
    type: cut(entry.type, auditBounds.typeChars),
    payload: auditedBody(entry.payload),
    outcome: entry.outcome,
    reason: entry.reason === null ? null : cut(entry.reason, auditBounds.reasonChars),
    at: new Date(),
  }
  const keep = entry.outcome === 'accepted' ? auditBounds.keepAccepted : auditBounds.keepRefused
  return context.access.recordCommand(record, keep)
}

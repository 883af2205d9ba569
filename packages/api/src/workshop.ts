/** A workshop's structured result — as stored at its latest close, or live — and own submissions. */
import type { WorkshopResult } from '@accord/templates'
import { route } from './route.js'

/**
 * The result stored when the facilitator last closed the workshop, read back with its template's
 * schema (`readResult`): one of the templates' results, or — a template may have changed since —
 * said to be unreadable, with why, and given as it was stored.
 */
export type StoredResult = {
  readonly template: string
  /** Each close adds a version; the latest is current. */
  readonly version: number
  readonly closedAt: string
} & (
  | {
      /** It parses with its template's result schema (`readResult`). */
      readonly readable: true
      readonly result: WorkshopResult
    }
  | {
      /** It does not (a template this server no longer has, or data of another shape): as stored. */
      readonly readable: false
      readonly problem: string
      readonly result: Readonly<Record<string, unknown>>
    }
)

/** The result as it stands now, derived from the board and the room's public state. */
export interface LiveResult {
  readonly template: string
  /** When the workshop was last closed (ms since the epoch), or null while it is open. */
  readonly closedAt: number | null
  readonly result: WorkshopResult
}

/** The caller's own hidden submission of a kind (their stance, their scores), or null. */
export interface OwnSubmission {
  readonly value: unknown
}

export const workshopRoutes = {
  storedResult: route<StoredResult>()({
    method: 'GET',
    path: '/api/rooms/:id/result',
    summary: 'The result stored at the workshop’s latest close (404 `not_closed` before).',
    credentials: 'room',
    answer: 'json',
  }),
  liveResult: route<LiveResult>()({
    method: 'GET',
    path: '/api/rooms/:id/result/live',
    summary: 'The result as it stands now, derived from public state only.',
    credentials: 'room',
    answer: 'json',
  }),
  submission: route<OwnSubmission>()({
    method: 'GET',
    path: '/api/rooms/:id/submissions/:kind',
    summary: 'The caller’s own hidden submission of a kind: nobody else’s.',
    credentials: 'room',
    answer: 'json',
  }),
} as const

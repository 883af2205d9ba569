/** A workshop's structured result — as stored at its latest close, or live — and own submissions. */
import type { WorkshopResult } from '@accord/templates'
import { route } from './route.js'

/**
 * The result stored when the facilitator last closed the workshop, as it was stored: read it
 * with `readResult` from `@accord/templates` (a template may have changed since).
 */
export interface StoredResult {
  readonly template: string
  /** Each close adds a version; the latest is current. */
  readonly version: number
  readonly closedAt: string
  readonly result: Readonly<Record<string, unknown>>
}

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

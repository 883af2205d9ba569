/**
 * What a room's people read beside the board, each with their own credential: who is in the room,
 * their own dots and private notes, the board's groups and action items, and the audit log.
 */
import type { ActionItem, Ballot, BoardGroup, Role } from '@accord/facilitation'
import { z } from 'zod'
import type { RoomMember } from './rooms.js'
import { route } from './route.js'

/** This person's dots in the open vote (`vote.cast` answers the same). */
export interface BallotView {
  readonly voteId: string | null
  readonly ballot: Ballot
  readonly dotsLeft: number
}

/** One of the caller's own private notes (nobody else's are ever sent). */
export interface PrivateNote {
  readonly id: string
  readonly text: string
  /** The template region it was written for (e.g. a retro column), revealed into it. */
  readonly region: string | null
  readonly createdAt: string
  readonly revealed: boolean
}

/** How many notes wait to be revealed, and from how many people — never whose or what. */
export interface NotesSummary {
  readonly unrevealed: number
  readonly writers: number
}

/** A page of the audit log: at most 500 entries (each under about a kilobyte). */
export const auditQuery = z.object({
  after: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
})

/** One command as the audit log keeps it (a hidden input's body is never kept). */
export interface AuditEntry {
  readonly seq: number
  readonly roomId: string
  readonly memberId: string | null
  readonly role: Role
  readonly type: string
  readonly payload: unknown
  readonly outcome: 'accepted' | 'refused'
  readonly reason: string | null
  readonly at: string
}

export const roomReadRoutes = {
  members: route<RoomMember[]>()({
    method: 'GET',
    path: '/api/rooms/:id/members',
    summary: 'People who can own an action item: the room’s participants and facilitators.',
    credentials: 'room',
    answer: 'json',
  }),
  ballot: route<BallotView>()({
    method: 'GET',
    path: '/api/rooms/:id/vote/ballot',
    summary: 'The caller’s own dots in the current vote.',
    credentials: 'room',
    answer: 'json',
  }),
  privateNotes: route<PrivateNote[]>()({
    method: 'GET',
    path: '/api/rooms/:id/private-notes',
    summary: 'The caller’s own private notes.',
    credentials: 'room',
    answer: 'json',
  }),
  notesSummary: route<NotesSummary>()({
    method: 'GET',
    path: '/api/rooms/:id/private-notes/summary',
    summary: 'How many notes wait to be revealed, and from how many people.',
    credentials: 'room',
    answer: 'json',
  }),
  groups: route<BoardGroup[]>()({
    method: 'GET',
    path: '/api/rooms/:id/groups',
    summary: 'The board’s groups (named frames) and their notes.',
    credentials: 'room',
    answer: 'json',
  }),
  boardActionItems: route<ActionItem[]>()({
    method: 'GET',
    path: '/api/rooms/:id/action-items',
    summary: 'The action items on the board (notes with an owner), soonest due first.',
    credentials: 'room',
    answer: 'json',
  }),
  audit: route<AuditEntry[]>()({
    method: 'GET',
    path: '/api/rooms/:id/audit',
    summary: 'The room’s command log, oldest first, a page at a time (`Link: rel="next"`).',
    credentials: 'room',
    query: auditQuery,
    answer: 'json',
  }),
} as const

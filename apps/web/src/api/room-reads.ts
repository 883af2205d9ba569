/**
 * What a room's people read beside the board, each with their own credential: who is in the
 * room, their own dots in the open vote, their private notes, and the server's clock.
 */
import type { Ballot } from '@accord/facilitation'
import { type ApiResult, request, roomPath } from './rooms'

export interface RoomMember {
  readonly id: string
  readonly name: string
}

/** This person's dots in the open vote (`vote.cast` answers the same). */
export interface BallotView {
  readonly voteId: string | null
  readonly ballot: Ballot
  readonly dotsLeft: number
}

export interface PrivateNote {
  readonly id: string
  readonly text: string
  /** The template region it was written for (e.g. a retro column), revealed into it. */
  readonly region: string | null
  readonly createdAt: string
  readonly revealed: boolean
}

export interface NotesSummary {
  readonly unrevealed: number
  readonly writers: number
}

export function fetchMembers(roomId: string, token: string): Promise<ApiResult<RoomMember[]>> {
  return request<RoomMember[]>('GET', `${roomPath(roomId)}/members`, token)
}

export function fetchMyBallot(roomId: string, token: string): Promise<ApiResult<BallotView>> {
  return request<BallotView>('GET', `${roomPath(roomId)}/vote/ballot`, token)
}

export function fetchPrivateNotes(
  roomId: string,
  token: string,
): Promise<ApiResult<PrivateNote[]>> {
  return request<PrivateNote[]>('GET', `${roomPath(roomId)}/private-notes`, token)
}

export function fetchNotesSummary(roomId: string, token: string): Promise<ApiResult<NotesSummary>> {
  return request<NotesSummary>('GET', `${roomPath(roomId)}/private-notes/summary`, token)
}

/** The server's clock (ms since the epoch); rejects when it cannot be read. */
export async function fetchServerNow(): Promise<number> {
  const answered = await request<{ now: number }>('GET', '/api/time', null)
  if (!answered.ok) throw new Error(answered.message)
  return answered.value.now
}

/**
 * What a room's people read beside the board, each with their own credential: who is in the
 * room, their own dots in the open vote, their private notes, and the server's clock.
 */
import { api } from '@accord/api'
import { call } from './rooms'

export type { BallotView, NotesSummary, PrivateNote, RoomMember } from '@accord/api'
export { fetchMembers } from './workshop'

export function fetchMyBallot(roomId: string, token: string) {
  return call(api.roomReads.ballot, { id: roomId }, token)
}

export function fetchPrivateNotes(roomId: string, token: string) {
  return call(api.roomReads.privateNotes, { id: roomId }, token)
}

export function fetchNotesSummary(roomId: string, token: string) {
  return call(api.roomReads.notesSummary, { id: roomId }, token)
}

/** The server's clock (ms since the epoch); rejects when it cannot be read. */
export async function fetchServerNow(): Promise<number> {
  const answered = await call(api.instance.time, {}, null)
  if (!answered.ok) throw new Error(answered.message)
  return answered.value.now
}

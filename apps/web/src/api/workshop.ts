/** The workshop parts of the HTTP API: people in the room, own hidden submissions, results. */
import { api } from '@accord/api'
import { call } from './rooms'

export type { RoomMember, StoredResult } from '@accord/api'

/** People who can own things (facilitators and participants). */
export function fetchMembers(roomId: string, token: string) {
  return call(api.roomReads.members, { id: roomId }, token)
}

/** The caller's own hidden submission of a kind (their stance, their scores), or null. */
export function fetchSubmission(roomId: string, token: string, kind: string) {
  return call(api.workshop.submission, { id: roomId, kind }, token)
}

/** The result stored when the workshop was last closed (404 `not_closed` before). */
export function fetchStoredResult(roomId: string, token: string) {
  return call(api.workshop.storedResult, { id: roomId }, token)
}

/** The workshop parts of the HTTP API: people in the room, own hidden submissions, results. */
import type { Role } from '@accord/facilitation'
import type { WorkshopResult } from '@accord/templates'
import { type ApiResult, request, roomPath } from './rooms'

export interface RoomMember {
  readonly id: string
  readonly name: string
  readonly role: Role
}

/** People who can own things (facilitators and participants). */
export function fetchMembers(roomId: string, token: string): Promise<ApiResult<RoomMember[]>> {
  return request<RoomMember[]>('GET', `${roomPath(roomId)}/members`, token)
}

/** The caller's own hidden submission of a kind (their stance, their scores), or null. */
export function fetchSubmission(
  roomId: string,
  token: string,
  kind: string,
): Promise<ApiResult<{ value: unknown }>> {
  return request('GET', `${roomPath(roomId)}/submissions/${encodeURIComponent(kind)}`, token)
}

export interface StoredResult {
  readonly template: string
  readonly version: number
  readonly closedAt: string
  readonly result: WorkshopResult
}

/** The result stored when the workshop was last closed (404 `not_closed` before). */
export function fetchStoredResult(roomId: string, token: string): Promise<ApiResult<StoredResult>> {
  return request<StoredResult>('GET', `${roomPath(roomId)}/result`, token)
}

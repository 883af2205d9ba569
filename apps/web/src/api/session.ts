/**
 * The instance's sign-in session (`/api/session`): only instances started with an access key
 * have one; the key is exchanged for an HttpOnly cookie the browser then sends by itself.
 */
import { type ApiResult, request } from './rooms'

export interface SessionState {
  /** Whether this instance asks for its access key. */
  readonly required: boolean
  readonly signedIn: boolean
}

export function fetchSession(): Promise<ApiResult<SessionState>> {
  return request<SessionState>('GET', '/api/session', null)
}

/** Fails with `wrong_access_key` (401) or `too_many_attempts` (429). */
export function signIn(key: string): Promise<ApiResult<SessionState>> {
  return request<SessionState>('POST', '/api/session', null, { key })
}

export function signOut(): Promise<ApiResult<SessionState>> {
  return request<SessionState>('DELETE', '/api/session', null)
}

/**
 * The instance's sign-in session (`/api/session`): only instances started with an access key
 * have one; the key is exchanged for an HttpOnly cookie the browser then sends by itself.
 */
import { api } from '@accord/api'
import { call } from './rooms'

export type { SessionState } from '@accord/api'

export function fetchSession() {
  return call(api.session.read, {}, null)
}

/** Fails with `wrong_access_key` (401) or `too_many_attempts` (429). */
export function signIn(key: string) {
  return call(api.session.signIn, {}, null, { body: { key } })
}

export function signOut() {
  return call(api.session.signOut, {}, null)
}

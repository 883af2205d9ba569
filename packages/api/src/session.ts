/**
 * The instance's sign-in session (`/api/session`): only instances started with an access key
 * have one; the key is exchanged for an HttpOnly cookie the browser then sends by itself.
 */
import { z } from 'zod'
import { route } from './route.js'

export const signInBody = z.object({ key: z.string({ error: 'must be a string' }).max(1024) })

export interface SessionState {
  /** Whether this instance asks for its access key. */
  readonly required: boolean
  readonly signedIn: boolean
}

export const sessionRoutes = {
  read: route<SessionState>()({
    method: 'GET',
    path: '/api/session',
    summary: 'Whether a key is required, and whether the caller is signed in.',
    credentials: 'none',
    answer: 'json',
  }),
  signIn: route<SessionState>()({
    method: 'POST',
    path: '/api/session',
    summary: 'Signs in with the access key (a cookie); `wrong_access_key` (401) otherwise.',
    credentials: 'none',
    body: signInBody,
    answer: 'json',
  }),
  signOut: route<SessionState>()({
    method: 'DELETE',
    path: '/api/session',
    summary: 'Signs out, ending the session on the server.',
    credentials: 'none',
    answer: 'json',
  }),
} as const

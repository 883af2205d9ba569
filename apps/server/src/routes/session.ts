import { api, ApiError, type SessionState } from '@accord/api'
import { Hono } from 'hono'
import { type InstanceAccess, requireJsonBody } from '../access/instance-access.js'
import { readJson } from '../http/validate-json.js'

/**
 * `/api/session`: the sign-in page's session on an instance with an access key. `GET` says
 * whether a key is required and whether the caller is signed in; `POST {key}` signs in (a cookie);
 * `DELETE` signs out, ending the session on the server.
 */
export function sessionRoutes(access: InstanceAccess) {
  const app = new Hono()
  const state = (signedIn: boolean): SessionState => ({ required: access.required, signedIn })

  app.get('/', async (c) => c.json<SessionState>(state(await access.signedIn(c))))

  app.post('/', async (c) => {
    requireJsonBody(c)
    const { key } = await readJson(c, api.session.signIn.body)
    const outcome = await access.signIn(c, key)
    if (outcome === 'not-required') {
      throw new ApiError(
        400,
        'access_not_required',
        'this instance has no access key to sign in with',
      )
    }
    if (outcome === 'wrong-key') {
      throw new ApiError(401, 'wrong_access_key', 'that is not this instance’s access key')
    }
    return c.json<SessionState>(state(true))
  })

  app.delete('/', async (c) => {
    await access.signOut(c)
    return c.json<SessionState>(state(false))
  })

  return app
}

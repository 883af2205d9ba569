import { Hono } from 'hono'
import { z } from 'zod'
import { type InstanceAccess, requireJsonBody } from '../access/instance-access.js'
import { ApiError } from '../http/api-error.js'
import { readJson } from '../http/validate-json.js'

const signInBody = z.object({ key: z.string({ error: 'must be a string' }).max(1024) })

/**
 * `/api/session`: the sign-in page's session on an instance with an access key. `GET` says
 * whether a key is required and whether the caller is signed in; `POST {key}` signs in (a cookie);
 * `DELETE` signs out, ending the session on the server.
 */
export function sessionRoutes(access: InstanceAccess) {
  const app = new Hono()
  const state = (signedIn: boolean) => ({ required: access.required, signedIn })

  app.get('/', async (c) => c.json(state(await access.signedIn(c))))

  app.post('/', async (c) => {
    requireJsonBody(c)
    const { key } = await readJson(c, signInBody)
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
    return c.json(state(true))
  })

  app.delete('/', async (c) => {
    await access.signOut(c)
    return c.json(state(false))
  })

  return app
}

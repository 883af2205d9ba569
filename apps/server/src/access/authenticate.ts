import { ApiError } from '@accord/api'
import type { AccessRepository } from '@accord/db'
import { can, type Permission } from '@accord/facilitation'
import type { Context, MiddlewareHandler } from 'hono'
import { type Credential, resolveCredential } from './credentials.js'
import { bearerToken } from './room-credential.js'

export type AuthEnv = { Variables: { credential: Credential } }

/**
 * Requires `Authorization: Bearer <token>` opening the room named in the path (`:id`); the
 * credential is then available as `c.get('credential')`.
 */
export function authenticate(access: AccessRepository): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const token = bearerToken(c.req.header('authorization'))
    const resolved = await resolveCredential(access, c.req.param('id') ?? '', token)
    if (!resolved.ok && resolved.error === 'room-not-found') {
      throw new ApiError(404, 'room_not_found', 'no room with this id exists')
    }
    if (!resolved.ok) {
      throw new ApiError(
        401,
        'unauthorized',
        token
          ? 'this token does not open this room (wrong, or revoked by a link rotation)'
          : 'an Authorization: Bearer token is required',
      )
    }
    c.set('credential', resolved.value)
    await next()
  }
}

export function requirePermission(
  c: Context<AuthEnv>,
  permission: Permission,
  action: string,
): Credential {
  const credential = c.get('credential')
  if (!can(credential.role, permission)) {
    throw new ApiError(403, 'forbidden', `a ${credential.role} may not ${action}`)
  }
  return credential
}

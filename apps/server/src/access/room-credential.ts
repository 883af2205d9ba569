import { ApiError } from '@accord/api'
import type { AccessRepository } from '@accord/db'
import { can, type Permission } from '@accord/facilitation'
import { type Credential, resolveCredential } from './credentials.js'

/** The bearer token of a request, if any. */
export function bearerToken(header: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1]
}

/**
 * For changes to records outside a room's own routes (a decision's status, an action item): the
 * caller's token must open the record's room with a role allowed to make the change.
 */
export async function requireRoomPermission(
  access: AccessRepository,
  roomId: string,
  authorization: string | undefined,
  permission: Permission,
  action: string,
): Promise<Credential> {
  const token = bearerToken(authorization)
  const resolved = await resolveCredential(access, roomId, token)
  if (!resolved.ok) {
    throw new ApiError(
      401,
      'unauthorized',
      token
        ? 'this token does not open the workshop this record came from'
        : 'an Authorization: Bearer token of the workshop this record came from is required',
    )
  }
  if (!can(resolved.value.role, permission)) {
    throw new ApiError(403, 'forbidden', `a ${resolved.value.role} may not ${action}`)
  }
  return resolved.value
}

/**
 * Who may do what in a room. Every room has three share links, one per role; the server checks
 * these permissions on every HTTP command and every sync message (the UI only mirrors them).
 */
export const roles = ['facilitator', 'participant', 'viewer'] as const
export type Role = (typeof roles)[number]

export type Permission =
  /** Change the shared board (notes, drawings, moves, deletes). */
  | 'board.edit'
  /** Appear to others: cursor, selection, name. */
  | 'presence.publish'
  /** Steer the workshop: phases, timer, locks, votes, reveal, links. */
  | 'room.facilitate'
  /** See the room's share link for this role. */
  | 'links.read'
  /** Place dots in a vote. */
  | 'vote.cast'

const grants: Record<Role, ReadonlySet<Permission>> = {
  facilitator: new Set([
    'board.edit',
    'presence.publish',
    'room.facilitate',
    'links.read',
    'vote.cast',
  ]),
  participant: new Set(['board.edit', 'presence.publish', 'links.read', 'vote.cast']),
  viewer: new Set(['links.read']),
}

export function can(role: Role, permission: Permission): boolean {
  return grants[role].has(permission)
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value)
}

/** The share links a role may see: the facilitator all three, everyone else only their own. */
export function visibleLinkRoles(role: Role): readonly Role[] {
  return can(role, 'room.facilitate') ? roles : [role]
}

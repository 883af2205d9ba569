import { roles } from '@accord/facilitation'
import { CloseCode } from '@accord/sync'
import { presentLinks } from '../present-room.js'
import { defineCommand } from './command.js'

/**
 * Replaces a role's share link. The old token stops working, people who joined through it are
 * signed out and their open connections closed (4401) — except the facilitator who rotated it.
 */
export const tokenRotate = defineCommand('token.rotate', {
  requires: 'room.facilitate',
  action: 'rotate share links',
  async run({ credential, access, connections, origin, newLinkToken }, { role }) {
    const { roomId } = credential
    const generation = await access.rotateLink(roomId, role, newLinkToken())
    const self = credential.member
    if (self && credential.role === role) await access.confirmMember(roomId, self.id, generation)
    const disconnected = connections.disconnect(
      (holder) =>
        holder.roomId === roomId &&
        holder.role === role &&
        !(self && holder.member?.id === self.id),
      CloseCode.Unauthorized,
      'share link rotated',
    )
    const links = await access.links(roomId)
    return { role, disconnected, links: links ? presentLinks(origin, roomId, links, roles) : {} }
  },
})

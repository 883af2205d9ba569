import type { RoomSummary, ShareLinks } from '@accord/api'
import type { RoomLink, RoomRecord } from '@accord/db'
import type { Role } from '@accord/facilitation'

/**
 * A share link: the board's address with its token in the fragment. Browsers never send the
 * fragment to a server (so it stays out of access logs and Referer headers); the web app reads it.
 */
export function shareLink(origin: string, roomId: string, token: string): string {
  return `${origin}/b/${roomId}#t=${token}`
}

/** The links a caller may see; `board` is the participant link, the one to share with a team. */
export function presentLinks(
  origin: string,
  roomId: string,
  links: Record<Role, RoomLink>,
  visible: readonly Role[],
): ShareLinks {
  const presented: { -readonly [Key in keyof ShareLinks]: ShareLinks[Key] } = {}
  for (const role of visible) presented[role] = shareLink(origin, roomId, links[role].token)
  if (presented.participant) presented.board = presented.participant
  return presented
}

export function presentRoom(room: RoomRecord): RoomSummary {
  return {
    id: room.id,
    title: room.title,
    template: room.template,
    createdAt: room.createdAt.toISOString(),
  }
}

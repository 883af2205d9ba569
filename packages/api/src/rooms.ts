/** Rooms: creating one, reading it with a credential, and joining it through a share link. */
import type { Role } from '@accord/facilitation'
import { z } from 'zod'
import { route } from './route.js'
import { displayName, plainText, roomIdPattern } from './text.js'

export const createRoomBody = z.object({
  title: plainText(200).optional(),
  template: z.string({ error: 'must be a template id' }).max(60).default('blank'),
  /** Checked against the template's own option fields (`checkOptions` in `@accord/templates`). */
  options: z.unknown().optional(),
  /** Follow up an earlier workshop (a team's last retro): its room and a facilitator token. */
  followUp: z
    .object({ roomId: z.string().regex(roomIdPattern), token: z.string().max(200) })
    .optional(),
  /**
   * A disagree-and-commit that revisits a settled decision (rec:DR10): the record, and a
   * facilitator token of the workshop it came from.
   */
  revisit: z.object({ decisionId: z.string().max(20), token: z.string().max(200) }).optional(),
})

export const joinBody = z.object({ name: displayName.optional() })

/** A room's share links: one per role the caller may see; `board` is the participant link. */
export type ShareLinks = Partial<Record<Role | 'board', string>>

/** What every answer about a room says of it. */
export interface RoomSummary {
  readonly id: string
  readonly title: string
  /** The id of the template it was made from. */
  readonly template: string
  readonly createdAt: string
}

export interface CreatedRoom extends RoomSummary {
  /** One share-link token per role. */
  readonly tokens: Readonly<Record<Role, string>>
  readonly links: ShareLinks
}

/** A room as one credential sees it: its role, the person (once joined), the links it may share. */
export interface RoomView extends RoomSummary {
  readonly role: Role
  readonly member: { readonly id: string; readonly name: string } | null
  readonly links: ShareLinks
}

/** A person in a room, as the API names them. */
export interface RoomMember {
  readonly id: string
  readonly name: string
  readonly role: Role
}

export interface Joined {
  readonly member: RoomMember
  /** The member's own credential, from now on used instead of the share link. */
  readonly token: string
}

export const roomRoutes = {
  create: route<CreatedRoom>()({
    method: 'POST',
    path: '/api/rooms',
    summary: 'Creates a room from a template; answers its share links.',
    credentials: 'instance',
    body: createRoomBody,
    status: 201,
    answer: 'json',
  }),
  read: route<RoomView>()({
    method: 'GET',
    path: '/api/rooms/:id',
    summary: 'The room as the caller’s credential sees it.',
    credentials: 'room',
    answer: 'json',
  }),
  join: route<Joined>()({
    method: 'POST',
    path: '/api/rooms/:id/join',
    summary: 'A person enters through a share link and gets a member credential of their own.',
    credentials: 'room',
    body: joinBody,
    status: 201,
    answer: 'json',
  }),
} as const

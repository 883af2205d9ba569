import { randomBytes } from 'node:crypto'
import { api, ApiError, type CreatedRoom, type Joined, type RoomView } from '@accord/api'
import type { RoomRecord } from '@accord/db'
import { type Role, roles, visibleLinkRoles } from '@accord/facilitation'
import { checkOptions, findTemplate, templates } from '@accord/templates'
import {
  previousWorkshop,
  revisitedDecision,
  presentLinks,
  presentRoom,
  setUpWorkshop,
  type WorkshopServices,
} from '@accord/workshop'
import { Hono } from 'hono'
import { type AuthEnv, authenticate } from '../access/authenticate.js'
import { credentialName, resolveCredential } from '../access/credentials.js'
import { newLinkToken, newMemberCredential } from '../access/tokens.js'
import { readJson } from '../http/validate-json.js'
import { roomBoardRoutes } from './room-board.js'
import { linkOrigin } from '../http/link-origin.js'
import { roomCommandRoutes } from './room-commands.js'
import { roomRecordRoutes } from './room-records.js'
import { roomWorkshopRoutes } from './room-workshop.js'

export const defaultRoomTitle = 'Untitled board'

/** 128 random bits, URL-safe: a room id cannot be guessed or enumerated. */
export function newRoomId(): string {
  return randomBytes(16).toString('base64url')
}

export function roomRoutes(
  deps: WorkshopServices &
    Parameters<typeof roomCommandRoutes>[0] & { readonly publicOrigin?: string | null },
) {
  const { rooms, access } = deps
  const app = new Hono<AuthEnv>()
  const resolve = async (roomId: string, token: string) => {
    const resolved = await resolveCredential(access, roomId, token)
    return resolved.ok ? resolved.value : null
  }

  // Anyone who can reach the instance may create a room; they receive its three links.
  app.post('/', async (c) => {
    const body = await readJson(c, api.rooms.create.body)
    const template = findTemplate(body.template)
    if (!template) {
      throw new ApiError(
        400,
        'unknown_template',
        `template: unknown template "${body.template}"; one of: ${templates.map((t) => t.id).join(', ')}`,
      )
    }
    const options = checkOptions(template.optionFields, body.options)
    if (!options.ok) throw new ApiError(400, 'invalid_options', options.error)
    const previous = body.followUp
      ? await previousWorkshop({ ...deps, resolveCredential: resolve }, body.followUp, template.id)
      : null
    if (body.revisit && template.id !== 'disagree-and-commit') {
      throw new ApiError(
        400,
        'invalid_revisit',
        'revisit: a decision is revisited in a disagree-and-commit',
      )
    }
    const revisit = body.revisit
      ? await revisitedDecision({ ...deps, resolveCredential: resolve }, body.revisit)
      : null
    const room: RoomRecord = {
      id: newRoomId(),
      title:
        body.title ||
        (revisit ? `Revisit ${revisit.id}: ${revisit.title}`.slice(0, 200) : '') ||
        (template.id === 'blank' ? defaultRoomTitle : template.name),
      createdAt: new Date(),
      template: template.id,
      previousRoomId: previous?.roomId ?? null,
    }
    const tokens = Object.fromEntries(roles.map((role) => [role, newLinkToken()])) as Record<
      Role,
      string
    >
    await rooms.create(room, tokens)
    await setUpWorkshop(deps, room.id, template, options.value, previous, revisit)
    const links = Object.fromEntries(
      roles.map((role) => [role, { token: tokens[role], generation: 1 }]),
    ) as Record<Role, { token: string; generation: number }>
    return c.json<CreatedRoom>(
      {
        ...presentRoom(room),
        tokens,
        links: presentLinks(linkOrigin(c, deps.publicOrigin), room.id, links, roles),
      },
      201,
    )
  })

  app.use('/:id/*', authenticate(access))
  app.use('/:id', authenticate(access))

  app.get('/:id', async (c) => {
    const credential = c.get('credential')
    const room = await rooms.find(credential.roomId)
    const links = await access.links(credential.roomId)
    if (!room || !links) throw new ApiError(404, 'room_not_found', 'no room with this id exists')
    return c.json<RoomView>({
      ...presentRoom(room),
      role: credential.role,
      member: credential.member,
      links: presentLinks(
        linkOrigin(c, deps.publicOrigin),
        room.id,
        links,
        visibleLinkRoles(credential.role),
      ),
    })
  })

  // A person enters through a share link: they get a credential of their own, in that role.
  app.post('/:id/join', async (c) => {
    const credential = c.get('credential')
    if (credential.member) {
      throw new ApiError(400, 'already_joined', 'join with a share link, not a member credential')
    }
    const body = await readJson(c, api.rooms.join.body)
    const name = body.name ?? credentialName(credential)
    const issued = newMemberCredential()
    await access.addMember({
      id: issued.memberId,
      roomId: credential.roomId,
      role: credential.role,
      name,
      secretHash: issued.secretHash,
      linkGeneration: credential.linkGeneration,
      joinedAt: new Date(),
    })
    return c.json<Joined>(
      { member: { id: issued.memberId, name, role: credential.role }, token: issued.token },
      201,
    )
  })

  app.route('/', roomCommandRoutes(deps))
  app.route('/', roomBoardRoutes(deps))
  app.route('/', roomWorkshopRoutes(deps))
  app.route('/', roomRecordRoutes(deps))
  return app
}

import { randomBytes } from 'node:crypto'
import type { RoomRecord, RoomRepository } from '@accord/db'
import { Hono } from 'hono'
import { z } from 'zod'
import { ApiError } from '../http/api-error.js'
import { readJson } from '../http/validate-json.js'

const createRoomBody = z.object({
  title: z
    .string({ error: 'must be a string' })
    .trim()
    .max(200, 'must be at most 200 characters')
    // Titles show up in tabs, exports and logs: no control characters.
    .refine((title) => !/\p{Cc}/u.test(title), 'must not contain control characters')
    .optional(),
})

export const defaultRoomTitle = 'Untitled board'

/** 128 random bits, URL-safe: a room id cannot be guessed or enumerated. */
export function newRoomId(): string {
  return randomBytes(16).toString('base64url')
}

export const roomIdPattern = /^[A-Za-z0-9_-]{1,64}$/

export function roomRoutes(rooms: RoomRepository): Hono {
  const app = new Hono()

  app.post('/', async (c) => {
    const body = await readJson(c, createRoomBody)
    const room: RoomRecord = {
      id: newRoomId(),
      title: body.title || defaultRoomTitle,
      createdAt: new Date(),
    }
    await rooms.create(room)
    return c.json(present(room, new URL(c.req.url).origin), 201)
  })

  app.get('/:id', async (c) => {
    const id = c.req.param('id')
    const room = roomIdPattern.test(id) ? await rooms.find(id) : null
    if (!room) throw new ApiError(404, 'room_not_found', 'no room with this id exists')
    return c.json(present(room, new URL(c.req.url).origin))
  })

  return app
}

function present(room: RoomRecord, origin: string) {
  return {
    id: room.id,
    title: room.title,
    createdAt: room.createdAt.toISOString(),
    links: { board: `${origin}/b/${room.id}` },
  }
}

/** Commands about the room itself: its links, people's names, settings, view and locks. */
import { MAX_LOCKED_FRAMES, roles } from '@accord/facilitation'
import { z } from 'zod'
import { displayName, shapeId } from '../text.js'

/** Replaces a role's share link; people who joined through the old one are signed out. */
export const tokenRotate = z.object({ type: z.literal('token.rotate'), role: z.enum(roles) })

/** Changes the caller's own display name. */
export const memberRename = z.object({ type: z.literal('member.rename'), name: displayName })

/** Room settings, e.g. anonymous mode: revealed notes and votes cannot be tied to their authors. */
export const roomSettings = z.object({ type: z.literal('room.settings'), anonymous: z.boolean() })

/** Page coordinates well beyond any board, so that a viewport is a number a client can use. */
const coordinate = z.number().min(-1e9).max(1e9)
const extent = z.number().positive().max(1e9)

/**
 * "Bring everyone to me", with the viewport the facilitator shows (optional: presence, where the
 * camera otherwise comes from, is sent throttled and may still be on its way).
 */
export const summon = z.object({
  type: z.literal('summon'),
  viewport: z.object({ x: coordinate, y: coordinate, w: extent, h: extent }).optional(),
})

/** Highlights one shape for everyone (e.g. the theme under discussion), or clears it. */
export const spotlightSet = z.object({
  type: z.literal('spotlight.set'),
  shapeId: shapeId.nullable(),
})

/** Locks or unlocks the whole board, or chosen frames with everything in them. */
export const lockSet = z.discriminatedUnion('target', [
  z.object({ type: z.literal('lock.set'), target: z.literal('board'), locked: z.boolean() }),
  z.object({
    type: z.literal('lock.set'),
    target: z.literal('frames'),
    frameIds: z.array(shapeId).min(1).max(MAX_LOCKED_FRAMES),
    locked: z.boolean(),
  }),
])

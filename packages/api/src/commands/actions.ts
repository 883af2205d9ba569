/** Action items on the board: stored by the server as they are made, the note showing them. */
import { z } from 'zod'
import { displayName, isoDay, plainText, shapeId } from '../text.js'

/** The longest action a person may write (what to do, in a sentence or two). */
export const ACTION_TEXT_MAX = 500

/**
 * Makes a note an action item, or changes one (fac:AI5): what to do (prefilled from the note),
 * one owner — a member of the room, or someone outside it by name — and an optional due date.
 */
export const actionSet = z
  .object({
    type: z.literal('action.set'),
    noteId: shapeId,
    text: plainText(ACTION_TEXT_MAX).pipe(z.string().min(1, 'must not be empty')),
    /** The owner: a member of the room by id… */
    ownerId: z.string().max(100).nullable().default(null),
    /** …or a person outside it, by name. */
    externalOwner: displayName.nullable().default(null),
    due: isoDay.nullable().default(null),
  })
  .refine((action) => (action.ownerId === null) !== (action.externalOwner === null), {
    message: 'one owner: a member (ownerId) or someone outside the room (externalOwner)',
    path: ['ownerId'],
  })

/** The note is no longer an action item: the stored item is dropped, never deleted. */
export const actionClear = z.object({ type: z.literal('action.clear'), noteId: shapeId })

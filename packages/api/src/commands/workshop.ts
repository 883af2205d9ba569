/** Closing a workshop, saving its records without closing it, and recording a decision. */
import { z } from 'zod'
import { longText, plainText, shapeId } from '../text.js'

/** Stores the structured result as it stands, saves its records, moves to the closing phase. */
export const workshopClose = z.object({ type: z.literal('workshop.close') })

/** "Record decision": saves the workshop's records now. */
export const recordsSave = z.object({ type: z.literal('records.save') })

/**
 * "Record decision" on any board: a free-form decision the facilitator writes down — what was
 * decided, by whom (members of the workshop), optionally from a region (a frame) of the board.
 */
export const decisionCreate = z.object({
  type: z.literal('decision.create'),
  title: plainText(200).pipe(z.string().min(1, 'must not be empty')),
  context: longText(4000).default(''),
  decision: longText(4000).refine((text) => text.trim() !== '', 'must not be empty'),
  rationale: longText(4000).default(''),
  consequences: longText(4000).default(''),
  /** Who decided: members of this workshop, by member id. */
  decisionMakerIds: z.array(z.string().max(100)).min(1, 'name at least one decision-maker').max(20),
  /** Accepted (decided now) or proposed (to be decided). */
  status: z.enum(['accepted', 'proposed']).default('accepted'),
  /** The board shape it came from (a frame, a note), if any. */
  shapeId: shapeId.nullable().default(null),
  tags: z.array(plainText(40)).max(20).default([]),
})

/** Closing a workshop, and saving its records without closing it. */
import { z } from 'zod'

/** Stores the structured result as it stands, saves its records, moves to the closing phase. */
export const workshopClose = z.object({ type: z.literal('workshop.close') })

/** "Record decision": saves the workshop's records now. */
export const recordsSave = z.object({ type: z.literal('records.save') })

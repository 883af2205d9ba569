/** Private notes: written hidden, revealed onto the board by the facilitator, oneself or in turn. */
import { PRIVATE_NOTE_LIMITS } from '@accord/facilitation'
import { z } from 'zod'
import { plainText } from '../text.js'

const noteText = plainText(PRIVATE_NOTE_LIMITS.text).pipe(z.string().min(1, 'must not be empty'))
const noteId = z.string().regex(/^[\w-]{1,40}$/)
/** A template region key (e.g. a retro column): the note is revealed into that region. */
const region = z
  .string()
  .regex(/^[\w-]{1,40}$/)
  .nullable()
  .default(null)

export const notesAdd = z.object({ type: z.literal('notes.add'), text: noteText, region })
export const notesEdit = z.object({ type: z.literal('notes.edit'), noteId, text: noteText })
export const notesDelete = z.object({ type: z.literal('notes.delete'), noteId })

/** Everyone's notes (the facilitator), the caller's own, or one of theirs on their turn. */
export const notesReveal = z.union([
  z.object({ type: z.literal('notes.reveal'), scope: z.enum(['all', 'mine']) }),
  z.object({ type: z.literal('notes.reveal'), scope: z.literal('turn'), noteId }),
])

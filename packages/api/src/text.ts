/** Building blocks of the request schemas: text people type, ids, days. */
import { z } from 'zod'

/** The first problem in a failed validation, naming its field: `title: must be a string`. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0]
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''
  return `${where}${issue?.message ?? 'invalid input'}`
}

/** Free text people type: trimmed, bounded, no control characters. */
export const plainText = (max: number) =>
  z
    .string({ error: 'must be a string' })
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine((text) => !/\p{Cc}/u.test(text), 'must not contain control characters')

/** Longer text: line breaks and tabs allowed, other control characters not. */
export const longText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((text) => !/[^\P{Cc}\n\t]/u.test(text), 'must not contain control characters')

/** The longest name a person may go by in a room. */
export const DISPLAY_NAME_MAX = 40

export const displayName = plainText(DISPLAY_NAME_MAX).pipe(z.string().min(1, 'must not be empty'))

export const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')

/** A room id: 128 random bits, URL-safe (older rooms: up to 64 such characters). */
export const roomIdPattern = /^[A-Za-z0-9_-]{1,64}$/

/** A tldraw shape id as Accord's boards make them. */
export const shapeId = z.string().regex(/^shape:[\w-]{1,64}$/, 'must be a shape id')

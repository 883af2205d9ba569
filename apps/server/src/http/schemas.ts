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

export const displayName = plainText(40).pipe(z.string().min(1, 'must not be empty'))

import { ApiError, describeIssue } from '@accord/api'
import type { Context } from 'hono'
import type { z } from 'zod'

/**
 * Reads a JSON body and validates it against a schema; any problem becomes a 400 naming the
 * offending field, so a client always learns what to fix.
 */
export async function readJson<Schema extends z.ZodType>(
  c: Context,
  schema: Schema,
): Promise<z.output<Schema>> {
  let body: unknown
  try {
    const text = await c.req.text()
    body = text.trim() === '' ? {} : JSON.parse(text)
  } catch {
    throw new ApiError(400, 'invalid_json', 'request body is not valid JSON')
  }
  const parsed = schema.safeParse(body)
  if (!parsed.success) throw new ApiError(400, 'invalid_request', describeIssue(parsed.error))
  return parsed.data
}

/** Validates a request's query parameters against a schema; a problem is a 400 naming the field. */
export function readQuery<Schema extends z.ZodType>(c: Context, schema: Schema): z.output<Schema> {
  const parsed = schema.safeParse(c.req.query())
  if (!parsed.success) throw new ApiError(400, 'invalid_query', describeIssue(parsed.error))
  return parsed.data
}

import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ServerLogger } from '../log.js'

/**
 * The one error type of the HTTP API. Its JSON body is `{"error": code, "message": reason}`;
 * `code` is stable for programs, `message` is for people.
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

export function errorHandler(logger: ServerLogger) {
  return (error: Error, c: Context): Response => {
    if (error instanceof ApiError) {
      return c.json({ error: error.code, message: error.message }, error.status)
    }
    logger.error('unhandled request error', {
      requestId: c.get('requestId'),
      path: c.req.path,
      error: String(error),
    })
    return c.json({ error: 'internal_error', message: 'internal server error' }, 500)
  }
}

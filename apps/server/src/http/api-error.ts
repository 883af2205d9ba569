import { ApiError } from '@accord/api'
import type { Context } from 'hono'
import type { ServerLogger } from '../log.js'

/**
 * Answers an `ApiError` (the contract's error, `@accord/api`) with its status and JSON body
 * `{"error": code, "message": reason}`; anything else is logged and answered 500.
 */
export function errorHandler(logger: ServerLogger) {
  return (error: Error, c: Context): Response => {
    if (error instanceof ApiError) return c.json(error.body, error.status)
    logger.error('unhandled request error', {
      requestId: c.get('requestId'),
      path: c.req.path,
      error: String(error),
    })
    return c.json({ error: 'internal_error', message: 'internal server error' }, 500)
  }
}

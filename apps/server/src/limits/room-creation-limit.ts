import type { MiddlewareHandler } from 'hono'
import { clientAddress } from '../access/forwarded.js'
import { ApiError } from '../http/api-error.js'
import { WindowLimiter } from './window-limiter.js'

const HOUR_MS = 60 * 60 * 1000

/**
 * `POST /api/rooms`: at most `perHour` workshops created per client address per hour (429 with
 * `Retry-After` beyond it). Only rooms actually created count, so a mistyped form costs nothing.
 */
export function roomCreationLimit(options: {
  readonly perHour: number | null
  readonly trustProxy: boolean
  readonly now: () => number
}): MiddlewareHandler {
  const { perHour, trustProxy, now } = options
  if (perHour === null) return (_c, next) => next()
  const created = new WindowLimiter({ limit: perHour, windowMs: HOUR_MS, now })
  return async (c, next) => {
    const client = clientAddress(c, trustProxy)
    const wait = created.retryAfterSeconds(client)
    if (wait > 0) {
      c.header('Retry-After', String(wait))
      throw new ApiError(
        429,
        'too_many_rooms',
        `at most ${perHour} workshops per hour from one address; try again in ${Math.ceil(wait / 60)} minutes`,
      )
    }
    await next()
    if (c.res.status === 201) created.count(client)
  }
}

import { ApiError } from '@accord/api'
import type { MiddlewareHandler } from 'hono'
import { clientAddress } from '../access/forwarded.js'
import type { Limiters } from './limiters.js'

const HOUR_MS = 60 * 60 * 1000

/**
 * `POST /api/rooms`: at most `perHour` workshops created per client address per hour (429 with
 * `Retry-After` beyond it), counted on every instance (`limiters`). Only rooms actually created
 * count, so a mistyped form costs nothing: a request is counted as it starts, so that requests
 * sent together cannot all pass, and given back unless it created a room.
 */
export function roomCreationLimit(options: {
  readonly perHour: number | null
  readonly trustProxy: boolean
  readonly limiters: Limiters
}): MiddlewareHandler {
  const { perHour, trustProxy } = options
  if (perHour === null) return (_c, next) => next()
  const created = options.limiters.window('rooms-created', { limit: perHour, windowMs: HOUR_MS })
  return async (c, next) => {
    const client = clientAddress(c, trustProxy)
    const wait = await created.take(client)
    if (wait > 0) {
      c.header('Retry-After', String(wait))
      throw new ApiError(
        429,
        'too_many_rooms',
        `at most ${perHour} workshops per hour from one address; try again in ${Math.ceil(wait / 60)} minutes`,
      )
    }
    let counts = false
    try {
      await next()
      counts = c.res.status === 201
    } finally {
      if (!counts) await created.refund(client)
    }
  }
}

/**
 * One JSON log line per HTTP request, each request with an id.
 *
 * The id comes from an incoming `X-Request-Id` when it is a plain, short token (a proxy's id, so
 * both logs line up); otherwise it is made here. It is sent back as `X-Request-Id` and is
 * `c.get('requestId')` to handlers, whose own log lines carry it as `requestId`.
 *
 * What is logged is chosen, never dumped: the method, the path without its query string (the sync
 * endpoint takes `?token=`), the status, the time taken and the room id when the path names one.
 * Headers, bodies and query strings are never logged, so no token can reach the log.
 */
import { randomBytes } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import type { Context, MiddlewareHandler } from 'hono'
import type { ServerLogger } from '../log.js'

declare module 'hono' {
  interface ContextVariableMap {
    requestId: string
  }
}

export const requestIdHeader = 'X-Request-Id'

/** Letters, digits and `._:-` only, 8 to 128 of them: safe in a header and in a log line. */
const acceptableRequestId = /^[A-Za-z0-9._:-]{8,128}$/

/** Paths that name a room: the API's room routes, the sync endpoint and the board page. */
const roomPath = /^\/(?:api\/rooms|sync|b)\/([A-Za-z0-9_-]{1,64})(?:\/|$)/

/** Longer paths are cut: a path is chosen by the client, and log lines stay bounded. */
const maxLoggedPath = 256

export function newRequestId(): string {
  return randomBytes(12).toString('base64url')
}

export function roomIdOf(path: string): string | null {
  return roomPath.exec(path)?.[1] ?? null
}

export function requestLog(options: {
  readonly logger: ServerLogger
  /** Called with each response's status (the metrics count them). */
  readonly onResponse?: (status: number) => void
}): MiddlewareHandler {
  const { logger, onResponse } = options
  return async (c, next) => {
    const start = performance.now()
    const incoming = c.req.header(requestIdHeader)
    const requestId =
      incoming !== undefined && acceptableRequestId.test(incoming) ? incoming : newRequestId()
    c.set('requestId', requestId)
    await next()
    const status = statusOf(c)
    c.header(requestIdHeader, requestId)
    onResponse?.(status)
    const path = c.req.path
    const roomId = roomIdOf(path)
    logger.info('request', {
      requestId,
      method: c.req.method,
      path: path.length > maxLoggedPath ? `${path.slice(0, maxLoggedPath)}…` : path,
      status,
      ms: Math.round((performance.now() - start) * 10) / 10,
      // `room`, as in every other log line that concerns a room.
      ...(roomId === null ? {} : { room: roomId }),
    })
  }
}

/** An accepted WebSocket upgrade is answered 101 by the server, though Hono sees a 200. */
function statusOf(c: Context): number {
  const upgrade = c.req.header('upgrade')?.toLowerCase() === 'websocket'
  return upgrade && c.res.status === 200 ? 101 : c.res.status
}

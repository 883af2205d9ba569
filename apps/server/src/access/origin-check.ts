/**
 * Cross-site request forgery: a state-changing API request whose `Origin` names another site is
 * refused with `403 bad_origin`. Browsers send `Origin` on every cross-origin POST, PUT, PATCH and
 * DELETE; programs that send none (curl, the test suite) are unaffected, and so are requests
 * authenticated by a Bearer token, which a foreign page cannot attach anyway.
 */
import { ApiError } from '@accord/api'
import type { MiddlewareHandler } from 'hono'
import { requestHost } from './forwarded.js'

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Whether an `Origin` header (absent: true) names the host the request was sent to. The scheme is
 * not compared: behind a TLS-terminating proxy the server sees http where the browser says https,
 * and a page on the same host is served by this same server. `Origin: null` (a sandboxed or
 * privacy-redirected page) is not the server's own.
 */
export function sameOrigin(origin: string | undefined, host: string): boolean {
  if (origin === undefined) return true
  try {
    const url = new URL(origin)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host === host
  } catch {
    return false
  }
}

export function originCheck(options: { readonly trustProxy: boolean }): MiddlewareHandler {
  return async (c, next) => {
    if (
      !safeMethods.has(c.req.method) &&
      !sameOrigin(c.req.header('origin'), requestHost(c, options.trustProxy))
    ) {
      throw new ApiError(403, 'bad_origin', 'cross-site requests may not change anything here')
    }
    await next()
  }
}

/**
 * What a request says about its client. Behind a reverse proxy the connection comes from the
 * proxy, so the client's address and scheme are read from `X-Forwarded-*` headers — but only when
 * the operator says a proxy sets them (`ACCORD_TRUST_PROXY`); otherwise anyone could claim any.
 */
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'

/** The client's IP address ('unknown' when the request did not come over a socket, as in tests). */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    // The proxy appends the address it saw; anything before it is what the client claimed.
    const forwarded = c.req.header('x-forwarded-for')?.split(',').pop()?.trim()
    if (forwarded) return forwarded
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    return 'unknown'
  }
}

/** Whether the client reached the server over https. */
export function isHttps(c: Context, trustProxy: boolean): boolean {
  if (trustProxy) {
    const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase()
    if (proto) return proto === 'https'
  }
  return new URL(c.req.url).protocol === 'https:'
}

/** The host (and port) the client addressed. */
export function requestHost(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const host = c.req.header('x-forwarded-host')?.split(',')[0]?.trim()
    if (host) return host.toLowerCase()
  }
  return new URL(c.req.url).host
}

/**
 * Refuses requests — WebSocket upgrades included — addressed to a host the server does not answer
 * for (`host-policy.ts`) with `421 Misdirected Request`: a page for a browser, JSON
 * (`{"error": "host_not_allowed"}`) for the API and programs. Both name the setting that fixes a
 * deployment that forgot it, and so does one warning in the log per refused host (the first
 * `LOGGED_HOSTS_AT_MOST` of them), so that a reverse proxy set up without `ACCORD_PUBLIC_URL` is
 * put right from the first refused page.
 */
import { ApiError } from '@accord/api'
import type { Context, MiddlewareHandler } from 'hono'
import type { ServerLogger } from '../log.js'
import { requestHost } from './forwarded.js'
import { allowsHost, type HostPolicy } from './host-policy.js'

/** Distinct refused hosts logged at most: a scanner sending random names cannot flood the log. */
export const LOGGED_HOSTS_AT_MOST = 100

/** Longer host values are cut in messages and the log; any client can send any `Host`. */
const shownHostLength = 100

export interface HostCheckOptions {
  readonly policy: HostPolicy
  readonly trustProxy: boolean
  readonly logger: ServerLogger
}

export function hostCheck(options: HostCheckOptions): MiddlewareHandler {
  const { policy, trustProxy, logger } = options
  if (policy.kind === 'any') return (_c, next) => next()
  const logged = new Set<string>()

  const logOnce = (host: string, hint: string) => {
    if (logged.size > LOGGED_HOSTS_AT_MOST || logged.has(host)) return
    logged.add(host)
    if (logged.size > LOGGED_HOSTS_AT_MOST) {
      logger.warn('requests refused for more hosts; no more of them are logged')
      return
    }
    logger.warn('request refused: host not allowed', { host, hint })
  }

  return async (c, next) => {
    const host = requestHost(c, trustProxy)
    if (allowsHost(policy, host)) return next()
    const shown = host.slice(0, shownHostLength)
    const hint = hintFor(policy.publicHostname, shown, trustProxy)
    logOnce(shown, hint)
    const message = `this Accord server does not answer for the host "${shown}": ${hint}`
    if (wantsPage(c)) return c.html(refusedPage(message), 421)
    throw new ApiError(421, 'host_not_allowed', message)
  }
}

function hintFor(publicHostname: string | null, host: string, trustProxy: boolean): string {
  const forwarded = trustProxy
    ? ''
    : ' If a reverse proxy sends the public name in X-Forwarded-Host, also set ACCORD_TRUST_PROXY=true.'
  if (publicHostname === null) {
    return (
      'it listens on loopback only and answers for localhost names only (a defence against DNS ' +
      'rebinding). If people reach it through a reverse proxy at this name, set ' +
      `ACCORD_PUBLIC_URL to that address (e.g. ACCORD_PUBLIC_URL=https://${host}).${forwarded}`
    )
  }
  return (
    `it answers for ${publicHostname} only (ACCORD_PUBLIC_URL). If people open Accord at ` +
    `this name, set ACCORD_PUBLIC_URL to that address instead.${forwarded}`
  )
}

/** A browser opening a page (not the API, sync or monitoring endpoints) gets a page. */
function wantsPage(c: Context): boolean {
  if (/^\/(?:api|sync|metrics|healthz|readyz)(?:\/|$)/.test(c.req.path)) return false
  return c.req.header('accept')?.includes('text/html') ?? false
}

function refusedPage(message: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Accord: wrong address</title></head>
<body>
<h1>Accord does not answer at this address</h1>
<p>${escapeHtml(message)}</p>
<p>Status 421 Misdirected Request (<code>host_not_allowed</code>).</p>
</body>
</html>
`
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  )
}

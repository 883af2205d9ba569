/**
 * Security headers on every response: the web app, its assets, the API, errors and health checks
 * (README, "Security"). Set by the Node server only; `pnpm dev` (Vite) serves the app without
 * them.
 *
 * The Content-Security-Policy is what the built app needs and nothing more:
 * - scripts only from this origin, never inline or eval'd: the built index.html has no inline
 *   script, and the web app turns off zod's eval probe (apps/web/src/no-eval.ts);
 * - styles from this origin plus inline ones: tldraw adds `<style>` elements at run time, which
 *   `style-src 'self'` would refuse. Inline styles cannot run code;
 * - images, fonts and media from this origin plus `data:`/`blob:` URLs, which tldraw uses for
 *   icons, pasted images and image export;
 * - connections (fetch, and the sync WebSocket: CSP Level 3 `'self'` matches `ws:`/`wss:` on the
 *   same host) to this origin only, so nothing on a board is sent to a third party;
 * - no framing by other sites, no plugins, no `<base>`, forms only to this origin.
 * `tests/e2e/csp.test.ts` fails on any violation in the home page, a board and image export.
 */
import type { MiddlewareHandler } from 'hono'

export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "media-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "manifest-src 'self'",
].join('; ')

export const securityHeaderValues: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  // Board links carry their token after `#`, which is never sent; this also keeps every path
  // and query out of the Referer of anything the page loads or links to.
  'Referrer-Policy': 'no-referrer',
  // For browsers that predate `frame-ancestors`.
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
}

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next()
    for (const [name, value] of Object.entries(securityHeaderValues)) c.header(name, value)
  }
}

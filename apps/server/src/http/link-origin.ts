import type { Context } from 'hono'

/**
 * The origin absolute links start with — share links, board links in exports: `ACCORD_PUBLIC_URL`'s
 * when it is set (behind a proxy, the request's own scheme and host may be internal ones), else
 * the one the request was made to.
 */
export function linkOrigin(c: Context, publicOrigin: string | null | undefined): string {
  return publicOrigin ?? new URL(c.req.url).origin
}

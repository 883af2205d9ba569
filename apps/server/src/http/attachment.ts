import type { Context } from 'hono'

/** A download: the body with its type and a file name the browser saves it under. */
export function attachment(c: Context, body: string, fileName: string, type: string) {
  c.header('content-type', `${type}; charset=utf-8`)
  // RFC 6266: a plain ASCII fallback, and the UTF-8 name for browsers that read it.
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  c.header(
    'content-disposition',
    `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
  )
  c.header('x-content-type-options', 'nosniff')
  return c.body(body)
}

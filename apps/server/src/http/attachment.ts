import type { Context } from 'hono'

/**
 * A download: the body with its type and a file name the browser saves it under. Text is sent
 * as UTF-8 (and says so); bytes as they are.
 */
export function attachment(c: Context, body: string | Buffer, fileName: string, type: string) {
  c.header('content-type', typeof body === 'string' ? `${type}; charset=utf-8` : type)
  // RFC 6266: a plain ASCII fallback, and the UTF-8 name for browsers that read it.
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  c.header(
    'content-disposition',
    `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
  )
  c.header('x-content-type-options', 'nosniff')
  // Hono's body takes a string or an ArrayBuffer view; a Buffer is one, sent as its bytes.
  return typeof body === 'string' ? c.body(body) : c.body(new Uint8Array(body))
}

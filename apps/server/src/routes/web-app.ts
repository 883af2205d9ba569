import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  CLIENT_CONFIG_META,
  type ClientConfig,
  encodeClientConfig,
} from '@accord/sync/client-config'
import { serveStatic } from '@hono/node-server/serve-static'
import { type Context, Hono } from 'hono'

/**
 * Serves the built web app. Hashed assets are cached forever; every other path that is not a
 * file or an API route gets the app's page, so that client-side routes like /b/:id load the app.
 * The page carries the server's `ClientConfig` (e.g. the tldraw licence key) in a meta tag, so
 * those settings take effect at the server's start, with no rebuild of the web app.
 */
export function webAppRoutes(webDist: string | null, client: ClientConfig): Hono {
  const app = new Hono()

  // A folder without its page is a build that did not finish: serve the API alone, and say so.
  if (webDist === null || !existsSync(join(webDist, 'index.html'))) {
    app.get('/', (c) =>
      c.text(
        'Accord API is running, but the web app is not built. Run `pnpm build` (or `pnpm dev` for development).',
      ),
    )
    return app
  }

  const html = withClientConfig(readFileSync(join(webDist, 'index.html'), 'utf8'), client)
  const page = (c: Context) => {
    c.header('Cache-Control', 'no-cache')
    return c.html(html)
  }
  app.get('/', page)
  app.get('/index.html', page)
  // Hashed names: a file under /assets never changes. (serveStatic's `onFound` runs after its
  // response is made, too late to add a header.)
  app.use(
    '/assets/*',
    async (c, next) => {
      await next()
      if (c.res.ok) c.res.headers.set('Cache-Control', 'public, max-age=31536000, immutable')
    },
    serveStatic({ root: webDist }),
  )
  app.get('/assets/*', (c) => c.json({ error: 'not_found', message: 'no such file' }, 404))
  app.use('*', serveStatic({ root: webDist }))
  app.get('*', page)
  return app
}

/** The page with the config in `<meta name="accord-config">`, just before `</head>`. */
function withClientConfig(html: string, client: ClientConfig): string {
  const meta = `<meta name="${CLIENT_CONFIG_META}" content="${escapeAttribute(encodeClientConfig(client))}" />`
  const at = html.indexOf('</head>')
  if (at === -1) throw new Error('the web app page has no </head>')
  return `${html.slice(0, at)}    ${meta}\n  ${html.slice(at)}`
}

function escapeAttribute(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
}

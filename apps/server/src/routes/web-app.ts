import { join } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'

/**
 * Serves the built web app. Hashed assets are cached forever; every other path that is not an
 * API route falls back to index.html so that client-side routes like /b/:id load the app.
 */
export function webAppRoutes(webDist: string | null): Hono {
  const app = new Hono()

  if (webDist === null) {
    app.get('/', (c) =>
      c.text(
        'Accord API is running, but the web app is not built. Run `pnpm build` (or `pnpm dev` for development).',
      ),
    )
    return app
  }

  app.use(
    '/assets/*',
    serveStatic({
      root: webDist,
      onFound: (_path, c) => {
        c.header('Cache-Control', 'public, max-age=31536000, immutable')
      },
    }),
  )
  app.use('*', serveStatic({ root: webDist, index: 'index.html' }))
  app.get(
    '*',
    serveStatic({
      path: join(webDist, 'index.html'),
      onFound: (_path, c) => {
        c.header('Cache-Control', 'no-cache')
      },
    }),
  )
  return app
}

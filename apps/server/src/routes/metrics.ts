import { Hono, type MiddlewareHandler } from 'hono'
import type { LiveFigures, ServerMetrics } from '../metrics/server-metrics.js'
import { prometheusContentType } from '../metrics/prometheus.js'

/**
 * `GET /metrics`: Prometheus text format 0.0.4 (README, "Metrics"). Protected like the API: with
 * `ACCORD_ACCESS_KEY` set, `protect` requires the key (`Authorization: Bearer <key>` for a
 * scraper); without one the instance is open, and so is this. It holds counts only: no room
 * ids, names or tokens.
 */
export function metricsRoutes(deps: {
  readonly metrics: ServerMetrics
  readonly live: LiveFigures
  readonly protect: MiddlewareHandler
}): Hono {
  const app = new Hono()
  app.get('/', deps.protect, (c) => {
    c.header('Content-Type', prometheusContentType)
    c.header('Cache-Control', 'no-store')
    return c.body(deps.metrics.render(deps.live))
  })
  return app
}

import type { RoomRepository } from '@accord/db'
import { Hono } from 'hono'

export interface HealthSources {
  readonly rooms: RoomRepository
  readonly startedAt: number
  readonly loadedRooms: () => number
  readonly connections: () => number
}

/** `/healthz`: the process is alive. `/readyz`: it can also reach its storage. */
export function healthRoutes(sources: HealthSources): Hono {
  const app = new Hono()

  app.get('/healthz', (c) =>
    c.json({
      ok: true,
      uptimeSeconds: Math.round((Date.now() - sources.startedAt) / 1000),
      loadedRooms: sources.loadedRooms(),
      connections: sources.connections(),
    }),
  )

  app.get('/readyz', async (c) => {
    try {
      await sources.rooms.ping()
      return c.json({ ok: true })
    } catch {
      return c.json(
        { ok: false, error: 'storage_unavailable', message: 'storage is unreachable' },
        503,
      )
    }
  })

  return app
}

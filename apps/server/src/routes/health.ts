import type { RoomRepository } from '@accord/db'
import { Hono } from 'hono'

/** What `/readyz` needs of the relay to the other instances (`scale-out/redis-relay.ts`). */
export interface RelayStatus {
  /** Its connections to Redis are up. */
  readonly ready: boolean
}

export interface HealthSources {
  readonly rooms: RoomRepository
  readonly startedAt: number
  readonly loadedRooms: () => number
  readonly connections: () => number
  /** With several instances (`REDIS_URL`), their relay; null for a lone instance. */
  readonly relay: RelayStatus | null
}

/**
 * `/healthz`: the process is alive. `/readyz`: it can also reach its storage and, with several
 * instances, Redis — without it, its clients would not see the other instances' edits.
 */
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
    } catch {
      return c.json(
        { ok: false, error: 'storage_unavailable', message: 'storage is unreachable' },
        503,
      )
    }
    if (sources.relay !== null && !sources.relay.ready) {
      return c.json(
        {
          ok: false,
          error: 'relay_unavailable',
          message: 'Redis, the relay to the other instances, is unreachable',
        },
        503,
      )
    }
    return c.json({ ok: true })
  })

  return app
}

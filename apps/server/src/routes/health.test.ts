import { openSqlite, SqliteRoomRepository } from '@accord/db'
import { describe, expect, it } from 'vitest'
import { healthRoutes, type RelayStatus } from './health.js'

function withRelay(relay: RelayStatus | null) {
  const database = openSqlite({ path: ':memory:' })
  const app = healthRoutes({
    rooms: new SqliteRoomRepository(database.db),
    startedAt: Date.now(),
    loadedRooms: () => 0,
    connections: () => 0,
    relay,
  })
  return { app, database }
}

describe('/readyz with several instances', () => {
  it('answers 503 with a reason while the relay’s Redis connection is down, 200 once it is up', async () => {
    const relay = { ready: false }
    const { app, database } = withRelay(relay)
    try {
      const down = await app.request('/readyz')
      expect(down.status).toBe(503)
      expect(await down.json()).toMatchObject({ ok: false, error: 'relay_unavailable' })
      relay.ready = true
      const up = await app.request('/readyz')
      expect(up.status).toBe(200)
      expect(await up.json()).toEqual({ ok: true })
    } finally {
      database.close()
    }
  })

  it('reports storage first: both down, the reason is storage', async () => {
    const { app, database } = withRelay({ ready: false })
    database.close()
    const response = await app.request('/readyz')
    expect(response.status).toBe(503)
    expect(await response.json()).toMatchObject({ error: 'storage_unavailable' })
  })

  it('a lone instance (no relay) is ready with its storage', async () => {
    const { app, database } = withRelay(null)
    try {
      expect((await app.request('/readyz')).status).toBe(200)
    } finally {
      database.close()
    }
  })
})

import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PgRoomLock } from './pg-room-lock.js'
import { RoomLockTimeout } from './room-lock.js'
import { describeRoomLockContract } from './testing/contracts/room-lock-contract.js'
import { type PostgresServer, startPostgres } from './testing/postgres-server.js'

let server: PostgresServer
beforeAll(async () => {
  server = await startPostgres()
})
afterAll(() => server?.stop())

/** Two instances' locks: separate pools on one database. */
async function twoInstances(
  options: { waitMs?: number; onConnectionError?: (error: Error) => void } = {},
) {
  const url = await server.createDatabase()
  const [a, b] = [PgRoomLock.open({ url, ...options }), PgRoomLock.open({ url, ...options })]
  return { url, a, b, close: async () => void (await Promise.all([a.close(), b.close()])) }
}

describeRoomLockContract('PostgreSQL advisory locks', () => twoInstances())

describe('PgRoomLock', () => {
  it('gives up with RoomLockTimeout when another instance keeps the room past the wait', async () => {
    const { a, b, close } = await twoInstances({ waitMs: 200 })
    try {
      let release = () => {}
      const held = a.run('room', () => new Promise<void>((resolve) => (release = resolve)))
      await new Promise((resolve) => setTimeout(resolve, 50))
      await expect(b.run('room', async () => 'never')).rejects.toBeInstanceOf(RoomLockTimeout)
      release()
      await held
      expect(await b.run('room', async () => 'now')).toBe('now')
    } finally {
      await close()
    }
  })

  it('a room held by an instance whose connection dies is free again', async () => {
    const lost: Error[] = []
    const { url, a, b, close } = await twoInstances({
      waitMs: 5000,
      onConnectionError: (error) => lost.push(error),
    })
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    try {
      let release = () => {}
      const held = a.run('room', () => new Promise<void>((resolve) => (release = resolve)))
      await new Promise((resolve) => setTimeout(resolve, 100))
      // As if the instance died: PostgreSQL ends the session, and the lock with it.
      await admin.query(
        "select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and granted",
      )
      expect(await b.run('room', async () => 'free')).toBe('free')
      expect(lost.length).toBeGreaterThan(0)
      release()
      await held
    } finally {
      await admin.end()
      await close()
    }
  })
})

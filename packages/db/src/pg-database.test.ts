import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { is, sql } from 'drizzle-orm'
import { PgTable } from 'drizzle-orm/pg-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openPostgres, pgMigrationsFolder } from './pg-database.js'
import { PgDocumentStore } from './pg-document-store.js'
import { PgRoomRepository } from './pg-repositories.js'
import * as schema from './schema-pg/index.js'
import { type PostgresServer, startPostgres } from './testing/postgres-server.js'

let server: PostgresServer
beforeAll(async () => {
  server = await startPostgres()
})
afterAll(() => server?.stop())

const tokens = { facilitator: 'f', participant: 'p', viewer: 'v' }
const room = (id: string) => ({
  id,
  title: id,
  createdAt: new Date(1),
  template: 'blank',
  previousRoomId: null,
})

describe('PostgreSQL database', () => {
  it('several processes opening a new database at once apply each migration once', async () => {
    const url = await server.createDatabase()
    const handles = await Promise.all([1, 2, 3].map(() => openPostgres({ url })))
    try {
      const { rows } = await handles[0]!.db.execute<{ tables: string; migrations: string }>(sql`
        select (select count(*) from information_schema.tables where table_schema = 'public')
                 as tables,
               (select count(*) from drizzle.__drizzle_migrations) as migrations`)
      // Every table of the schema, and one row per committed migration.
      const tables = Object.values(schema).filter((value) => is(value, PgTable)).length
      const journal = JSON.parse(
        readFileSync(join(pgMigrationsFolder, 'meta/_journal.json'), 'utf8'),
      ) as { entries: unknown[] }
      expect(Number(rows[0]?.tables)).toBe(tables)
      expect(Number(rows[0]?.migrations)).toBe(journal.entries.length)
    } finally {
      await Promise.all(handles.map((handle) => handle.close()))
    }
  })

  it('opening a database that does not exist fails, with the pool closed', async () => {
    await expect(
      openPostgres({ url: `postgres://postgres@127.0.0.1:${server.port}/no_such_database` }),
    ).rejects.toThrow(/no_such_database/)
  })

  it('what an append resolved survives a crash of PostgreSQL, and the pool reconnects', async () => {
    const url = await server.createDatabase()
    const errors: Error[] = []
    const handle = await openPostgres({ url, onIdleError: (error) => errors.push(error) })
    try {
      const store = new PgDocumentStore(handle.db)
      await new PgRoomRepository(handle.db).create(room('r'), tokens)
      const seq = await store.appendUpdates('r', [Uint8Array.of(1), Uint8Array.of(2)])
      await store.claimClientIds('r', new Map([[7, 'member:ada']]))

      await server.restart({ crash: true })
      // The pool's idle connections died with the server: reported, then replaced.
      await expect.poll(() => errors.length).toBeGreaterThan(0)
      expect(await store.loadDocument('r')).toEqual({
        snapshot: null,
        updates: [Uint8Array.of(1), Uint8Array.of(2)],
        lastSeq: seq,
        clientIds: new Map([[7, 'member:ada']]),
      })
    } finally {
      await handle.close()
    }
  })

  it('appends from several processes to one room all land, each with its own sequence number', async () => {
    const url = await server.createDatabase()
    const handles = await Promise.all([1, 2].map(() => openPostgres({ url })))
    try {
      await new PgRoomRepository(handles[0]!.db).create(room('r'), tokens)
      const stores = handles.map((handle) => new PgDocumentStore(handle.db))
      const seqs = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          stores[i % 2]!.appendUpdates('r', [Uint8Array.of(i), Uint8Array.of(100 + i)]),
        ),
      )
      expect(new Set(seqs).size).toBe(40)
      const loaded = await stores[0]!.loadDocument('r')
      expect(loaded?.updates).toHaveLength(80)
      expect(loaded?.lastSeq).toBe(Math.max(...seqs))
      // Within a batch, order is kept (batches from two processes may interleave: Yjs updates
      // commute, and each process's own batches follow each other).
      const values = loaded!.updates.map((update) => update[0]!)
      for (let i = 0; i < 40; i++) expect(values.indexOf(i)).toBeLessThan(values.indexOf(100 + i))
    } finally {
      await Promise.all(handles.map((handle) => handle.close()))
    }
  })
})

/**
 * Opens Accord's PostgreSQL database (a connection pool) and brings its schema up to date with
 * the committed migrations in `drizzle-pg/`.
 *
 * Every write is a committed transaction before its promise resolves; with PostgreSQL's default
 * `synchronous_commit=on`, a commit returns once its WAL is flushed, so it survives a crash of
 * the server (and of Accord). Migrations run under an advisory lock, so that several Accord
 * processes starting at once apply each migration once.
 */
import { fileURLToPath } from 'node:url'
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres'
import { migrate } from 'drizzle-orm/node-postgres/migrator'
import pg from 'pg'
import * as schema from './schema-pg/index.js'

export type AccordPgDb = NodePgDatabase<typeof schema>

export interface PostgresOptions {
  /** `postgres://user:password@host:port/database` (or `postgresql://`). */
  readonly url: string
  /** Connections in the pool (default 10). */
  readonly maxConnections?: number
  /** An idle connection failed (e.g. the server restarted); the pool replaces it by itself. */
  readonly onIdleError?: (error: Error) => void
}

export interface PostgresHandle {
  readonly db: AccordPgDb
  readonly pool: pg.Pool
  close(): Promise<void>
}

/** The PostgreSQL migrations, read from `src/` and `dist/` alike. */
export const pgMigrationsFolder = fileURLToPath(new URL('../drizzle-pg', import.meta.url))

/** Any value: it only has to be the same for every Accord process migrating this database. */
const MIGRATION_LOCK = 0x4163636f7264 // "Accord"

export async function openPostgres(options: PostgresOptions): Promise<PostgresHandle> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    // An unreachable server fails a request (and /readyz) in seconds instead of hanging it.
    connectionTimeoutMillis: 10_000,
    application_name: 'accord',
  })
  pool.on('error', (error) => options.onIdleError?.(error))
  let closed = false
  const close = async () => {
    if (closed) return
    closed = true
    await pool.end()
  }
  try {
    await migratePostgres(pool)
  } catch (error) {
    await close()
    throw error
  }
  return { db: drizzle({ client: pool, schema }), pool, close }
}

async function migratePostgres(pool: pg.Pool): Promise<void> {
  const client = await pool.connect()
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK])
    try {
      await migrate(drizzle({ client, schema }), { migrationsFolder: pgMigrationsFolder })
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK])
    }
  } finally {
    client.release()
  }
}

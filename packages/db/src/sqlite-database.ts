/**
 * Opens Accord's SQLite database and brings its schema up to date with the committed migrations.
 *
 * Journal mode is WAL. `synchronous` decides what a committed write survives:
 *   FULL   (default) — the WAL is fsynced at every commit: survives a crash and a power loss.
 *   NORMAL — fsync only at checkpoints: survives a process crash (kill -9), not a power loss.
 */
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import * as schema from './schema/index.js'

export type SqliteSynchronous = 'FULL' | 'NORMAL'

export interface SqliteOptions {
  /** A file path, or `:memory:`. */
  readonly path: string
  readonly synchronous?: SqliteSynchronous
}

/** The drizzle database, with the better-sqlite3 connection under it (for prepared hot paths). */
export type AccordSqliteDb = BetterSQLite3Database<typeof schema> & { $client: Database.Database }

export interface SqliteHandle {
  readonly db: AccordSqliteDb
  readonly sqlite: Database.Database
  close(): void
}

/** Migrations live beside the package sources and are read from `src/` and `dist/` alike. */
export const migrationsFolder = fileURLToPath(new URL('../drizzle', import.meta.url))

export function openSqlite(options: SqliteOptions): SqliteHandle {
  if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true })
  const sqlite = new Database(options.path)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`)
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  const db = drizzle({ client: sqlite, schema })
  migrate(db, { migrationsFolder })
  return {
    db,
    sqlite,
    close: () => {
      if (sqlite.open) sqlite.close()
    },
  }
}

/**
 * Restores a backup over Accord's database — only while no server has the database open.
 *
 * Order matters, so that no step can lose data or mix two databases:
 *  1. no live server holds `<database>.lock`;
 *  2. the backup passes verification (integrity, Accord's tables, no migration from the future);
 *  3. the current database, if any, is opened alone — switching it out of WAL mode fails while any
 *     other connection is open, and otherwise checkpoints its `-wal` into the file — and holds no
 *     rooms unless replacing them was asked for;
 *  4. the backup is copied (online backup API) to a temporary file beside the database, verified
 *     and fsynced;
 *  5. the old database's companions are removed (a stale `-wal` would be replayed onto the new
 *     file) and the copy is renamed over it;
 *  6. opening it runs the migrations this version has and the backup lacks.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { err, ok, type Result } from '@accord/sync'
import {
  type BackupFailure,
  companionSuffixes,
  copyVerified,
  type DatabaseSummary,
  describeError,
  failure,
  fsyncPath,
  removeDatabaseFiles,
  temporaryPathBeside,
  verifyConnection,
  verifyDatabaseFile,
} from './backup.js'
import { lockFileOf, runningHolder } from './database-lock.js'
import { openSqlite } from './sqlite-database.js'

export interface RestoreOptions {
  /** Replace a database that holds rooms (or cannot be read). */
  readonly replace?: boolean
}

export interface RestoreSummary extends DatabaseSummary {
  readonly from: string
  /** Rooms in the database that was replaced (null: there was none, or it was unreadable). */
  readonly replacedRooms: number | null
  /** Migrations applied to the restored copy because the backup predates them. */
  readonly migrated: number
}

type Current = { readonly rooms: number | null } | BackupFailure

/** Opens the current database alone, folds its WAL in, and counts its rooms. */
function settleCurrent(target: string): Current {
  let sqlite: Database.Database
  try {
    sqlite = new Database(target, { fileMustExist: true, timeout: 0 })
  } catch {
    return { rooms: null }
  }
  try {
    sqlite.pragma('journal_mode = DELETE')
  } catch (error) {
    sqlite.close()
    if ((error as { code?: string }).code === 'SQLITE_BUSY') {
      return {
        kind: 'in-use',
        message: `${target} is open in another process; stop the Accord server first`,
      }
    }
    return { rooms: null }
  }
  try {
    const row = sqlite.prepare('SELECT count(*) AS rooms FROM rooms').get() as { rooms: number }
    return { rooms: row.rooms }
  } catch {
    return { rooms: null }
  } finally {
    sqlite.close()
  }
}

export async function restoreDatabase(
  backupPath: string,
  databasePath: string,
  options: RestoreOptions = {},
): Promise<Result<RestoreSummary, BackupFailure>> {
  const from = resolve(backupPath)
  const target = resolve(databasePath)
  if (from === target) return failure('invalid', `${from} is the database itself`)

  const holder = runningHolder(target)
  if (holder !== null) {
    return failure(
      'in-use',
      `an Accord server (pid ${holder}) is running on ${target}; stop it first (if none is, delete ${lockFileOf(target)})`,
    )
  }

  const backup = verifyDatabaseFile(from)
  if (!backup.ok) return backup

  const current: Current = existsSync(target) ? settleCurrent(target) : { rooms: null }
  if ('kind' in current) return err(current)
  if (existsSync(target) && current.rooms !== 0 && !options.replace) {
    return failure(
      'has-content',
      current.rooms === null
        ? `${target} exists but cannot be read as an Accord database`
        : `${target} holds ${current.rooms} room${current.rooms === 1 ? '' : 's'}`,
    )
  }

  mkdirSync(dirname(target), { recursive: true })
  const temporary = temporaryPathBeside(target)
  let source: Database.Database | undefined
  try {
    source = new Database(from, { readonly: true, fileMustExist: true })
    const copied = await copyVerified(source, temporary, from)
    source.close()
    if (!copied.ok) return copied

    for (const suffix of companionSuffixes) rmSync(target + suffix, { force: true })
    renameSync(temporary, target)
    fsyncPath(dirname(target), true)
  } catch (error) {
    return failure('failed', `restore of ${from} failed: ${describeError(error)}`)
  } finally {
    source?.close()
    removeDatabaseFiles(temporary)
  }

  // Opening runs the migrations the backup lacks, and leaves it in WAL mode as the server uses it.
  let summary: Result<DatabaseSummary, BackupFailure>
  try {
    const restored = openSqlite({ path: target })
    try {
      summary = verifyConnection(restored.sqlite, target)
    } finally {
      restored.close()
    }
  } catch (error) {
    return failure(
      'failed',
      `${target} was restored but migrating it failed: ${describeError(error)}`,
    )
  }
  if (!summary.ok) return summary
  return ok({
    ...summary.value,
    from,
    replacedRooms: current.rooms,
    migrated: backup.value.pendingMigrations,
  })
}

/**
 * Backups of Accord's SQLite database, and the checks a file must pass before it is trusted as one.
 *
 * A backup is taken with SQLite's online backup API in one step, so inside one read transaction:
 * in WAL mode that is a consistent snapshot of every committed write, and it never blocks the
 * running server's writers. The copy is written to a temporary file beside its destination,
 * switched to a rollback journal (a backup is one self-contained file), verified, fsynced, and
 * only then moved into place — a backup file is either complete and checked, or absent.
 */
import { randomBytes } from 'node:crypto'
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { err, ok, type Result } from '@accord/sync'
import { migrationsFolder } from './sqlite-database.js'

/** Why a backup or restore did not happen; `message` is for people. */
export interface BackupFailure {
  readonly kind:
    | 'missing' // the file to copy from does not exist
    | 'exists' // the destination exists and overwriting was not asked for
    | 'invalid' // not a sound Accord database (damaged, foreign, or from a newer Accord)
    | 'in-use' // an Accord server (or another process) has the target database open
    | 'has-content' // the target database holds rooms and replacing it was not asked for
    | 'failed' // an I/O or SQLite error
  readonly message: string
}

/** What a verified database holds. */
export interface DatabaseSummary {
  readonly path: string
  readonly bytes: number
  readonly rooms: number
  /** Migrations recorded in the file, and the newest one's name (`0005_records`). */
  readonly migrations: number
  readonly latestMigration: string | null
  /** Migrations this version of Accord has that the file does not yet; applied on open. */
  readonly pendingMigrations: number
}

/** Tables every Accord database has had since its first migration. */
const coreTables = ['__drizzle_migrations', 'rooms', 'document_updates', 'document_snapshots']

/** `sqlite3_backup_step` page count meaning "all of them at once". */
const allPages = 0x7fffffff

export const failure = (kind: BackupFailure['kind'], message: string) =>
  err<BackupFailure>({ kind, message })

export const describeError = (error: unknown) =>
  error instanceof Error ? error.message : String(error)

interface KnownMigration {
  readonly tag: string
  readonly when: number
}

function knownMigrations(): KnownMigration[] {
  const journalPath = join(migrationsFolder, 'meta/_journal.json')
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: KnownMigration[] }
  return journal.entries.map(({ tag, when }) => ({ tag, when }))
}

/** Checks an open connection: integrity, Accord's tables, migrations this version knows. */
export function verifyConnection(
  sqlite: Database.Database,
  path: string,
  label = path,
): Result<DatabaseSummary, BackupFailure> {
  const problems = (sqlite.pragma('integrity_check(20)') as { integrity_check: string }[]).map(
    (row) => row.integrity_check,
  )
  if (problems.length !== 1 || problems[0] !== 'ok') {
    return failure('invalid', `${label} failed the integrity check: ${problems.join('; ')}`)
  }
  const tables = new Set(
    (
      sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
        name: string
      }[]
    ).map((row) => row.name),
  )
  const absent = coreTables.filter((table) => !tables.has(table))
  if (absent.length > 0) {
    return failure('invalid', `${label} is not an Accord database (no ${absent.join(', ')} table)`)
  }
  const applied = (
    sqlite.prepare('SELECT created_at FROM __drizzle_migrations ORDER BY created_at').all() as {
      created_at: number
    }[]
  ).map((row) => Number(row.created_at))
  const known = knownMigrations()
  const newest = known.at(-1)?.when ?? 0
  const unknown = applied.filter((when) => when > newest)
  if (unknown.length > 0) {
    return failure(
      'invalid',
      `${label} was written by a newer version of Accord (${unknown.length} migration(s) this version does not know); upgrade Accord before restoring it`,
    )
  }
  const latest = applied.at(-1)
  const { rooms } = sqlite.prepare('SELECT count(*) AS rooms FROM rooms').get() as { rooms: number }
  return ok({
    path,
    bytes: statSync(path).size,
    rooms,
    migrations: applied.length,
    latestMigration: known.find((migration) => migration.when === latest)?.tag ?? null,
    pendingMigrations: known.filter((migration) => !applied.includes(migration.when)).length,
  })
}

/**
 * Verifies a database file without changing it: it opens, passes `PRAGMA integrity_check`, has
 * Accord's tables and no migration newer than this version of Accord knows.
 */
export function verifyDatabaseFile(path: string): Result<DatabaseSummary, BackupFailure> {
  const absolute = resolve(path)
  if (!existsSync(absolute)) return failure('missing', `${absolute} does not exist`)
  let sqlite: Database.Database | undefined
  try {
    sqlite = new Database(absolute, { readonly: true, fileMustExist: true })
    return verifyConnection(sqlite, absolute)
  } catch (error) {
    return failure(
      'invalid',
      `${absolute} is not a readable SQLite database: ${describeError(error)}`,
    )
  } finally {
    sqlite?.close()
  }
}

/** A fresh temporary name beside `path`, on the same file system so that a rename is atomic. */
export function temporaryPathBeside(path: string): string {
  return join(
    dirname(path),
    `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`,
  )
}

/** SQLite's companions of a database file: while present they are part of the database. */
export const companionSuffixes = ['-wal', '-shm', '-journal'] as const

export function removeDatabaseFiles(path: string): void {
  for (const suffix of ['', ...companionSuffixes]) rmSync(path + suffix, { force: true })
}

/** fsync a file or a directory (so that a rename in it is durable); best effort for directories. */
export function fsyncPath(path: string, directory = false): void {
  let fd: number | undefined
  try {
    fd = openSync(path, 'r')
    fsyncSync(fd)
  } catch (error) {
    if (!directory) throw error
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/**
 * Copies the database open on `source` into the new file `temporary` with the online backup API,
 * makes the copy a self-contained rollback-journal file, verifies it and fsyncs it. `label` names
 * the source in messages.
 */
export async function copyVerified(
  source: Database.Database,
  temporary: string,
  label: string,
): Promise<Result<DatabaseSummary, BackupFailure>> {
  await source.backup(temporary, { progress: () => allPages })
  const copy = new Database(temporary, { fileMustExist: true })
  let verified: Result<DatabaseSummary, BackupFailure>
  try {
    copy.pragma('journal_mode = DELETE')
    verified = verifyConnection(copy, temporary, label)
  } finally {
    copy.close()
  }
  if (verified.ok) fsyncPath(temporary)
  return verified
}

export interface BackupOptions {
  /** Replace `destination` if it exists. */
  readonly overwrite?: boolean
}

/**
 * Backs up the database at `sourcePath` to `destination`, safely while a server writes to it.
 * Refuses to replace an existing file unless `overwrite` is set.
 */
export async function backupDatabase(
  sourcePath: string,
  destination: string,
  options: BackupOptions = {},
): Promise<Result<DatabaseSummary, BackupFailure>> {
  const from = resolve(sourcePath)
  const to = resolve(destination)
  if (!existsSync(from)) return failure('missing', `there is no database at ${from}`)
  if (to === from || companionSuffixes.some((suffix) => to === from + suffix)) {
    return failure('exists', `${to} is the database itself; choose another file for the backup`)
  }
  if (existsSync(to) && !options.overwrite) return failure('exists', `${to} already exists`)

  mkdirSync(dirname(to), { recursive: true })
  const temporary = temporaryPathBeside(to)
  let source: Database.Database | undefined
  try {
    // Read-write, though nothing is written: a read-only connection would leave `-wal` and `-shm`
    // files behind beside a database no server has open.
    source = new Database(from, { fileMustExist: true, timeout: 5000 })
    const copied = await copyVerified(source, temporary, from)
    if (!copied.ok) return copied
    if (options.overwrite) {
      renameSync(temporary, to)
    } else {
      // A hard link never replaces an existing file, so a file created meanwhile is kept.
      try {
        linkSync(temporary, to)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
          return failure('exists', `${to} already exists`)
        }
        if (existsSync(to)) throw error
        renameSync(temporary, to) // a file system without hard links
      }
    }
    fsyncPath(dirname(to), true)
    return ok({ ...copied.value, path: to, bytes: statSync(to).size })
  } catch (error) {
    return failure('failed', `backup of ${from} failed: ${describeError(error)}`)
  } finally {
    source?.close()
    removeDatabaseFiles(temporary)
  }
}

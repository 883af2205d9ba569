import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { backupDatabase, verifyDatabaseFile } from './backup.js'
import { holdDatabaseLock, lockFileOf, runningHolder } from './database-lock.js'
import { restoreDatabase } from './restore.js'
import { openSqlite, type SqliteHandle } from './sqlite-database.js'
import { SqliteRoomRepository } from './sqlite-repositories.js'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'accord-restore-'))
  dirs.push(dir)
  return dir
}

function withRooms(handle: SqliteHandle, ...ids: string[]): SqliteHandle {
  const rooms = new SqliteRoomRepository(handle.db)
  for (const id of ids) {
    rooms.create(
      { id, title: id, createdAt: new Date(), template: 'blank', previousRoomId: null },
      { facilitator: `${id}-f`, participant: `${id}-p`, viewer: `${id}-v` },
    )
  }
  return handle
}

/** A backup holding the rooms `ids`, in `dir`. */
async function backupOf(dir: string, ...ids: string[]): Promise<string> {
  withRooms(openSqlite({ path: join(dir, 'source.db') }), ...ids).close()
  const result = await backupDatabase(join(dir, 'source.db'), join(dir, 'backup.db'))
  if (!result.ok) throw new Error(result.error.message)
  return result.value.path
}

function roomIds(path: string): string[] {
  const db = new Database(path, { readonly: true })
  const ids = (db.prepare('SELECT id FROM rooms ORDER BY id').all() as { id: string }[]).map(
    (row) => row.id,
  )
  db.close()
  return ids
}

describe('restoreDatabase', () => {
  it('restores a backup into a fresh data folder, ready for a server', async () => {
    const dir = tempDir()
    const backup = await backupOf(dir, 'a', 'b')
    const target = join(dir, 'fresh', 'data', 'accord.db')

    const result = await restoreDatabase(backup, target)
    expect(result.ok && result.value).toMatchObject({
      path: target,
      from: backup,
      rooms: 2,
      replacedRooms: null,
      migrated: 0,
    })
    expect(roomIds(target)).toEqual(['a', 'b'])
    const db = new Database(target, { readonly: true })
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    db.close()
    expect(verifyDatabaseFile(target).ok).toBe(true)
  })

  it('runs the migrations a backup from an older version lacks', async () => {
    const dir = tempDir()
    const backup = await backupOf(dir, 'a')
    // Wind the backup back to before the last migration (0013: the workshops' decision events).
    const old = new Database(backup)
    old.exec(`DROP TABLE workshop_events;
      DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations)`)
    old.close()
    expect(verifyDatabaseFile(backup).ok && verifyDatabaseFile(backup)).toMatchObject({
      value: { pendingMigrations: 1 },
    })

    const result = await restoreDatabase(backup, join(dir, 'accord.db'))
    expect(result.ok && result.value).toMatchObject({ migrated: 1, pendingMigrations: 0, rooms: 1 })
    const db = new Database(join(dir, 'accord.db'), { readonly: true })
    const table = "SELECT count(*) AS n FROM sqlite_master WHERE name = 'workshop_events'"
    expect(db.prepare(table).get()).toEqual({ n: 1 })
    db.close()
  })

  it('refuses to replace a database with rooms unless asked to', async () => {
    const dir = tempDir()
    const backup = await backupOf(dir, 'from-backup')
    const target = join(dir, 'accord.db')
    withRooms(openSqlite({ path: target }), 'current').close()

    const refused = await restoreDatabase(backup, target)
    expect(!refused.ok && refused.error.kind).toBe('has-content')
    expect(roomIds(target)).toEqual(['current'])

    const replaced = await restoreDatabase(backup, target, { replace: true })
    expect(replaced.ok && replaced.value.replacedRooms).toBe(1)
    expect(roomIds(target)).toEqual(['from-backup'])
  })

  it('restores over an empty database without being asked', async () => {
    const dir = tempDir()
    const backup = await backupOf(dir, 'a')
    openSqlite({ path: join(dir, 'accord.db') }).close()
    const result = await restoreDatabase(backup, join(dir, 'accord.db'))
    expect(result.ok && result.value.replacedRooms).toBe(0)
  })

  it('refuses while another connection has the database open, even without a lock file', async () => {
    const dir = tempDir()
    const backup = await backupOf(dir, 'from-backup')
    const target = join(dir, 'accord.db')
    const server = withRooms(openSqlite({ path: target }), 'current')
    try {
      const result = await restoreDatabase(backup, target, { replace: true })
      expect(!result.ok && result.error.kind).toBe('in-use')
      expect(server.sqlite.prepare('SELECT id FROM rooms').all()).toEqual([{ id: 'current' }])
    } finally {
      server.close()
    }
    expect(roomIds(target)).toEqual(['current'])
  })

  it('refuses while a live process holds the lock file, and ignores a stale one', async () => {
    const dir = tempDir()
    const backup = await backupOf(dir, 'a')
    const target = join(dir, 'accord.db')

    holdDatabaseLock(target, process.ppid) // alive: the process that started this test
    const refused = await restoreDatabase(backup, target)
    expect(!refused.ok && refused.error).toMatchObject({
      kind: 'in-use',
      message: expect.stringContaining(`pid ${process.ppid}`),
    })
    expect(existsSync(target)).toBe(false)

    const exited = spawnSync(process.execPath, ['-e', '']).pid
    holdDatabaseLock(target, exited)
    expect((await restoreDatabase(backup, target)).ok).toBe(true)
  })

  it('never replays the old database’s WAL onto the restored one', async () => {
    const dir = tempDir()
    const backup = await backupOf(dir, 'from-backup')
    // A database whose last commits are still only in its -wal, as after a kill -9.
    const live = openSqlite({ path: join(dir, 'live.db') })
    live.sqlite.pragma('wal_autocheckpoint = 0')
    withRooms(live, 'old-1', 'old-2')
    const target = join(dir, 'crashed.db')
    copyFileSync(join(dir, 'live.db'), target)
    copyFileSync(join(dir, 'live.db-wal'), `${target}-wal`)
    live.close()

    const result = await restoreDatabase(backup, target, { replace: true })
    expect(result.ok && result.value.replacedRooms).toBe(2)
    expect(roomIds(target)).toEqual(['from-backup'])
    expect(verifyDatabaseFile(target).ok).toBe(true)

    // And a -wal orphaned by a deleted database is removed, not applied to the new file.
    const orphan = join(dir, 'orphan.db')
    const again = openSqlite({ path: join(dir, 'again.db') })
    again.sqlite.pragma('wal_autocheckpoint = 0')
    withRooms(again, 'old-3')
    copyFileSync(join(dir, 'again.db-wal'), `${orphan}-wal`)
    again.close()
    expect((await restoreDatabase(backup, orphan)).ok).toBe(true)
    expect(roomIds(orphan)).toEqual(['from-backup'])
    expect(verifyDatabaseFile(orphan).ok).toBe(true)
  })

  it('leaves the database untouched when the backup is not sound', async () => {
    const dir = tempDir()
    const target = join(dir, 'accord.db')
    withRooms(openSqlite({ path: target }), 'current').close()
    writeFileSync(join(dir, 'bad.db'), 'definitely not SQLite')

    const result = await restoreDatabase(join(dir, 'bad.db'), target, { replace: true })
    expect(!result.ok && result.error.kind).toBe('invalid')
    expect(roomIds(target)).toEqual(['current'])
    expect(readFileSync(join(dir, 'bad.db'), 'utf8')).toBe('definitely not SQLite')
  })
})

describe('database lock file', () => {
  it('names the live holder and is removed on release', () => {
    const path = join(tempDir(), 'accord.db')
    expect(runningHolder(path)).toBe(null)
    const lock = holdDatabaseLock(path, process.ppid)
    expect(runningHolder(path)).toBe(process.ppid)
    lock.release()
    expect(existsSync(lockFileOf(path))).toBe(false)
  })

  it('is not removed by a holder that lost it to another process', () => {
    const path = join(tempDir(), 'accord.db')
    const first = holdDatabaseLock(path, 111_111)
    holdDatabaseLock(path, process.ppid)
    first.release()
    expect(runningHolder(path)).toBe(process.ppid)
  })
})

import { spawn } from 'node:child_process'
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { backupDatabase, verifyDatabaseFile } from './backup.js'
import { openSqlite, type SqliteHandle } from './sqlite-database.js'
import { SqliteRoomRepository } from './sqlite-repositories.js'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'accord-backup-'))
  dirs.push(dir)
  return dir
}

/** A database with `count` rooms, left open (as a running server would). */
function databaseWithRooms(path: string, count: number): SqliteHandle {
  const handle = openSqlite({ path })
  const rooms = new SqliteRoomRepository(handle.db)
  for (let i = 0; i < count; i++) {
    const id = `room-${i}`
    rooms.create(
      { id, title: `Room ${i}`, createdAt: new Date(), template: 'blank', previousRoomId: null },
      { facilitator: `${id}-f`, participant: `${id}-p`, viewer: `${id}-v` },
    )
  }
  return handle
}

describe('backupDatabase', () => {
  it('copies a live database into one verified, self-contained file', async () => {
    const dir = tempDir()
    const live = databaseWithRooms(join(dir, 'accord.db'), 3)
    const result = await backupDatabase(join(dir, 'accord.db'), join(dir, 'backups', 'one.db'))
    live.close()

    expect(result.ok && result.value).toMatchObject({
      path: join(dir, 'backups', 'one.db'),
      rooms: 3,
      latestMigration: expect.any(String),
      pendingMigrations: 0,
    })
    // A single file: no WAL beside it, and nothing temporary left in its folder.
    expect(existsSync(join(dir, 'backups', 'one.db-wal'))).toBe(false)
    const copy = new Database(join(dir, 'backups', 'one.db'), { readonly: true })
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete')
    copy.close()
    expect(verifyDatabaseFile(join(dir, 'backups', 'one.db')).ok).toBe(true)
  })

  it('takes a consistent snapshot while another process keeps writing', async () => {
    const dir = tempDir()
    const path = join(dir, 'accord.db')
    databaseWithRooms(path, 1).close()
    // Another process commits pairs of 2 KB updates as fast as it can; a torn copy would hold an
    // odd number of rows.
    const writer = spawn(
      process.execPath,
      [
        '-e',
        `const db = new (require('better-sqlite3'))(${JSON.stringify(path)})
         db.pragma('busy_timeout = 5000')
         const insert = db.prepare("INSERT INTO document_updates (room_id, data) VALUES ('room-0', randomblob(2000))")
         const pair = db.transaction(() => { insert.run(); insert.run() })
         for (let i = 0; ; i++) { pair(); if (i === 50) process.stdout.write('writing\\n') }`,
      ],
      { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: ['ignore', 'pipe', 'inherit'] },
    )
    try {
      await new Promise((resolve) => writer.stdout.once('data', resolve))
      const reader = new Database(path, { readonly: true })
      const count = () =>
        (reader.prepare('SELECT count(*) AS n FROM document_updates').get() as { n: number }).n
      for (let i = 0; i < 3; i++) {
        const before = count()
        const destination = join(dir, `copy-${i}.db`)
        const result = await backupDatabase(path, destination)
        expect(result.ok).toBe(true)
        const copy = new Database(destination, { readonly: true })
        const copied = (
          copy.prepare('SELECT count(*) AS n FROM document_updates').get() as {
            n: number
          }
        ).n
        copy.close()
        expect(copied).toBeGreaterThanOrEqual(before)
        expect(copied % 2).toBe(0)
      }
      reader.close()
    } finally {
      writer.kill('SIGKILL')
    }
  })

  it('refuses to replace an existing file unless asked to', async () => {
    const dir = tempDir()
    databaseWithRooms(join(dir, 'accord.db'), 1).close()
    writeFileSync(join(dir, 'taken.db'), 'keep me')

    const refused = await backupDatabase(join(dir, 'accord.db'), join(dir, 'taken.db'))
    expect(!refused.ok && refused.error.kind).toBe('exists')
    expect(readFileSync(join(dir, 'taken.db'), 'utf8')).toBe('keep me')

    const replaced = await backupDatabase(join(dir, 'accord.db'), join(dir, 'taken.db'), {
      overwrite: true,
    })
    expect(replaced.ok && replaced.value.rooms).toBe(1)
  })

  it('refuses a missing source and the database itself as destination', async () => {
    const dir = tempDir()
    const missing = await backupDatabase(join(dir, 'none.db'), join(dir, 'copy.db'))
    expect(!missing.ok && missing.error.kind).toBe('missing')
    databaseWithRooms(join(dir, 'accord.db'), 1).close()
    const itself = await backupDatabase(join(dir, 'accord.db'), join(dir, 'accord.db'), {
      overwrite: true,
    })
    expect(!itself.ok && itself.error.kind).toBe('exists')
    expect(verifyDatabaseFile(join(dir, 'accord.db')).ok).toBe(true)
  })
})

describe('verifyDatabaseFile', () => {
  async function backupIn(dir: string): Promise<string> {
    databaseWithRooms(join(dir, 'accord.db'), 20).close()
    const result = await backupDatabase(join(dir, 'accord.db'), join(dir, 'backup.db'))
    if (!result.ok) throw new Error(result.error.message)
    return result.value.path
  }

  function overwrite(path: string, offset: number, bytes: Buffer) {
    const fd = openSync(path, 'r+')
    writeSync(fd, bytes, 0, bytes.length, offset)
    closeSync(fd)
  }

  it('fails a file whose pages were tampered with', async () => {
    const path = await backupIn(tempDir())
    const db = new Database(path, { readonly: true })
    const pageSize = db.pragma('page_size', { simple: true }) as number
    const { rootpage } = db
      .prepare("SELECT rootpage FROM sqlite_master WHERE name = 'rooms'")
      .get() as {
      rootpage: number
    }
    db.close()
    // Everything of the rooms table's page but its 8-byte header: cell pointers and rows.
    overwrite(path, (rootpage - 1) * pageSize + 8, Buffer.alloc(pageSize - 8, 0xa5))
    const result = verifyDatabaseFile(path)
    expect(!result.ok && result.error.kind).toBe('invalid')
  })

  it('fails a file whose header was tampered with', async () => {
    const path = await backupIn(tempDir())
    overwrite(path, 0, Buffer.from('not a database!!'))
    const result = verifyDatabaseFile(path)
    expect(!result.ok && result.error.kind).toBe('invalid')
  })

  it('fails a sound SQLite file that is not an Accord database', () => {
    const path = join(tempDir(), 'other.db')
    const other = new Database(path)
    other.exec('CREATE TABLE notes (text TEXT)')
    other.close()
    const result = verifyDatabaseFile(path)
    expect(!result.ok && result.error.message).toMatch(/not an Accord database/)
  })

  it('fails a database written by a newer version of Accord', async () => {
    const path = await backupIn(tempDir())
    const db = new Database(path)
    db.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run(
      'from-the-future',
      Date.now() + 10 * 365 * 24 * 3600 * 1000,
    )
    db.close()
    const result = verifyDatabaseFile(path)
    expect(!result.ok && result.error.message).toMatch(/newer version of Accord/)
  })

  it('reports a missing file as missing', () => {
    const result = verifyDatabaseFile(join(tempDir(), 'nothing.db'))
    expect(!result.ok && result.error.kind).toBe('missing')
  })
})

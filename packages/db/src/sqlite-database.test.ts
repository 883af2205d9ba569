import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { describe, expect, it } from 'vitest'
import { migrationsFolder, openSqlite } from './sqlite-database.js'
import { SqliteRoomRepository } from './sqlite-repositories.js'

function tokensFor(roomId: string) {
  return { facilitator: `${roomId}-f`, participant: `${roomId}-p`, viewer: `${roomId}-v` }
}

function openTemp() {
  const dir = mkdtempSync(join(tmpdir(), 'accord-db-'))
  const handle = openSqlite({ path: join(dir, 'nested', 'accord.db') })
  return {
    handle,
    dir,
    close: () => {
      handle.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

describe('SQLite database', () => {
  it('applies the committed migrations and runs in WAL mode', () => {
    const { handle, close } = openTemp()
    try {
      const tables = handle.sqlite
        .prepare("select name from sqlite_master where type = 'table' order by name")
        .pluck()
        .all()
      expect(tables).toEqual(
        expect.arrayContaining(['document_snapshots', 'document_updates', 'rooms']),
      )
      expect(handle.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(handle.sqlite.pragma('synchronous', { simple: true })).toBe(2) // FULL
      expect(handle.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    } finally {
      close()
    }
  })

  it('re-opening an existing database keeps its data (migrations are idempotent)', async () => {
    const { handle, dir } = openTemp()
    const path = handle.sqlite.name
    await new SqliteRoomRepository(handle.db).create(
      { id: 'r', title: 'T', createdAt: new Date(5), template: 'blank', previousRoomId: null },
      tokensFor('r'),
    )
    handle.close()
    const reopened = openSqlite({ path, synchronous: 'NORMAL' })
    try {
      expect(await new SqliteRoomRepository(reopened.db).find('r')).toEqual({
        id: 'r',
        title: 'T',
        createdAt: new Date(5),
        template: 'blank',
        previousRoomId: null,
      })
      expect(reopened.sqlite.pragma('synchronous', { simple: true })).toBe(1) // NORMAL
    } finally {
      reopened.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('rejects a duplicate room id', async () => {
    const { handle, close } = openTemp()
    try {
      const rooms = new SqliteRoomRepository(handle.db)
      await rooms.create(
        { id: 'r', title: 'A', createdAt: new Date(), template: 'blank', previousRoomId: null },
        tokensFor('r'),
      )
      await expect(
        rooms.create(
          { id: 'r', title: 'B', createdAt: new Date(), template: 'blank', previousRoomId: null },
          tokensFor('r2'),
        ),
      ).rejects.toThrow()
      expect(await rooms.find('missing')).toBeNull()
    } finally {
      close()
    }
  })
})

describe('the room-access migration', () => {
  it('gives rooms created before it three fresh, distinct links', () => {
    const dir = mkdtempSync(join(tmpdir(), 'accord-migration-'))
    try {
      // A database at the first migration only, with a room in it.
      const firstOnly = join(dir, 'first-only')
      cpSync(migrationsFolder, firstOnly, { recursive: true })
      const journalPath = join(firstOnly, 'meta', '_journal.json')
      const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: unknown[] }
      writeFileSync(
        journalPath,
        JSON.stringify({ ...journal, entries: journal.entries.slice(0, 1) }),
      )
      const path = join(dir, 'old.db')
      const old = new Database(path)
      migrate(drizzle({ client: old }), { migrationsFolder: firstOnly })
      old.prepare('INSERT INTO rooms (id, title, created_at) VALUES (?, ?, ?)').run('old', 'Old', 1)
      old.close()

      const upgraded = openSqlite({ path })
      try {
        const links = upgraded.sqlite
          .prepare('SELECT role, token, generation FROM room_links WHERE room_id = ? ORDER BY role')
          .all('old') as { role: string; token: string; generation: number }[]
        expect(links.map((l) => l.role)).toEqual(['facilitator', 'participant', 'viewer'])
        expect(new Set(links.map((l) => l.token)).size).toBe(3)
        expect(links.every((l) => l.token.length >= 32 && l.generation === 1)).toBe(true)
      } finally {
        upgraded.close()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

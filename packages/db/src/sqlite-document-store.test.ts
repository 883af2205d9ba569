import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describeDocumentStoreContract } from '@accord/sync/testing'
import { describe, expect, it } from 'vitest'
import { openSqlite } from './sqlite-database.js'
import { SqliteDocumentStore } from './sqlite-document-store.js'
import { SqliteRoomRepository } from './sqlite-room-repository.js'

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

describeDocumentStoreContract('SQLite file', () => {
  const { handle, close } = openTemp()
  const rooms = new SqliteRoomRepository(handle.db)
  return {
    store: new SqliteDocumentStore(handle.db),
    createRoom: (id) =>
      rooms.create(
        { id, title: id, createdAt: new Date(), template: 'blank', previousRoomId: null },
        tokensFor(id),
      ),
    close,
  }
})

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

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openSqlite } from '../../sqlite-database.js'
import { SqliteDocumentStore } from '../../sqlite-document-store.js'
import {
  SqliteAccessRepository,
  SqliteBallotRepository,
  SqlitePrivateNoteRepository,
  SqliteRecordRepository,
  SqliteRoomRepository,
  SqliteSessionRepository,
  SqliteWorkshopRepository,
} from '../../sqlite-repositories.js'
import type { StorageUnderTest } from './storage-under-test.js'

/** A SQLite file in a temp dir of its own, removed on close. */
export async function openSqliteStorage(): Promise<StorageUnderTest> {
  const dir = mkdtempSync(join(tmpdir(), 'accord-db-'))
  return open(join(dir, 'accord.db'), () => rmSync(dir, { recursive: true, force: true }))
}

function open(path: string, removeFiles: () => void): StorageUnderTest {
  const { db, sqlite, close } = openSqlite({ path })
  return {
    rooms: new SqliteRoomRepository(db),
    access: new SqliteAccessRepository(db),
    ballots: new SqliteBallotRepository(db),
    notes: new SqlitePrivateNoteRepository(db),
    workshops: new SqliteWorkshopRepository(db),
    records: new SqliteRecordRepository(db),
    sessions: new SqliteSessionRepository(db),
    documents: new SqliteDocumentStore(db),
    deleteRoom: async (id) => {
      sqlite.prepare('delete from rooms where id = ?').run(id)
    },
    storedDecisionContent: async (number) =>
      sqlite
        .prepare('select content from decision_records where number = ?')
        .pluck()
        .get(number) as string,
    writeDecisionContent: async (number, json) => {
      sqlite.prepare('update decision_records set content = ? where number = ?').run(json, number)
    },
    appliedMigrations: async () =>
      sqlite.prepare('select count(*) from __drizzle_migrations').pluck().get() as number,
    reopen: async () => {
      close()
      return open(path, removeFiles)
    },
    close: async () => {
      close()
      removeFiles()
    },
  }
}

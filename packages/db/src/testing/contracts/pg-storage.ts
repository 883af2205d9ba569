import { sql } from 'drizzle-orm'
import { openPostgres } from '../../pg-database.js'
import { PgDocumentStore } from '../../pg-document-store.js'
import {
  PgAccessRepository,
  PgBallotRepository,
  PgPrivateNoteRepository,
  PgRecordRepository,
  PgRoomRepository,
  PgSessionRepository,
  PgWorkshopRepository,
} from '../../pg-repositories.js'
import type { PostgresServer } from '../postgres-server.js'
import type { OpenStorage, StorageUnderTest } from './storage-under-test.js'

const TEMPLATE = 'accord_migrated'

/**
 * Fresh databases on one server: the first is migrated and kept as a template, each test gets a
 * copy of it (`create database … template …` takes milliseconds; migrating takes longer).
 */
export function pgStorage(server: () => PostgresServer): OpenStorage {
  let template: Promise<void> | null = null
  return async () => {
    template ??= (async () => {
      const handle = await openPostgres({ url: await server().createDatabase({ name: TEMPLATE }) })
      await handle.close()
    })()
    await template
    return openPgStorage(await server().createDatabase({ template: TEMPLATE }))
  }
}

/** The repositories on the PostgreSQL database at `url`, migrated first. */
export async function openPgStorage(url: string): Promise<StorageUnderTest> {
  const { db, close } = await openPostgres({ url })
  const one = async <T>(query: ReturnType<typeof sql>) =>
    (await db.execute<{ value: T }>(query)).rows[0]!.value
  return {
    rooms: new PgRoomRepository(db),
    access: new PgAccessRepository(db),
    ballots: new PgBallotRepository(db),
    notes: new PgPrivateNoteRepository(db),
    workshops: new PgWorkshopRepository(db),
    records: new PgRecordRepository(db),
    sessions: new PgSessionRepository(db),
    documents: new PgDocumentStore(db),
    deleteRoom: async (id) => {
      await db.execute(sql`delete from rooms where id = ${id}`)
    },
    storedDecisionContent: (number) =>
      one<string>(
        sql`select content::text as value from decision_records where number = ${number}`,
      ),
    writeDecisionContent: async (number, json) => {
      await db.execute(
        sql`update decision_records set content = ${json}::json where number = ${number}`,
      )
    },
    appliedMigrations: async () =>
      Number(await one<string>(sql`select count(*) as value from drizzle.__drizzle_migrations`)),
    reopen: async () => {
      await close()
      return openPgStorage(url)
    },
    close,
  }
}

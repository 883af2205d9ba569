/**
 * The server's storage, chosen by `DATABASE_URL`: a SQLite file (the default), or PostgreSQL for
 * `postgres://…`. Either way the same repositories and document store, migrated at open.
 */
import {
  type AccessRepository,
  type BallotRepository,
  holdDatabaseLock,
  openPostgres,
  openSqlite,
  PgAccessRepository,
  PgBallotRepository,
  PgDocumentStore,
  PgPrivateNoteRepository,
  PgRecordRepository,
  PgRoomRepository,
  PgWorkshopRepository,
  type PrivateNoteRepository,
  type RecordRepository,
  type RoomRepository,
  SqliteAccessRepository,
  SqliteBallotRepository,
  SqliteDocumentStore,
  SqlitePrivateNoteRepository,
  SqliteRecordRepository,
  SqliteRoomRepository,
  SqliteWorkshopRepository,
  type WorkshopRepository,
} from '@accord/db'
import type { DocumentStore, Logger } from '@accord/sync'
import type { Config } from './config.js'

export interface Storage {
  readonly rooms: RoomRepository
  readonly access: AccessRepository
  readonly ballots: BallotRepository
  readonly notes: PrivateNoteRepository
  readonly workshops: WorkshopRepository
  readonly records: RecordRepository
  readonly documents: DocumentStore
  close(): Promise<void>
}

type StorageConfig = Pick<Config, 'databasePath' | 'sqliteSynchronous' | 'postgresUrl'>

export async function openStorage(config: StorageConfig, logger: Logger): Promise<Storage> {
  if (config.postgresUrl !== null) {
    const { db, close } = await openPostgres({
      url: config.postgresUrl,
      // The pool replaces a connection that dropped while idle; requests meanwhile fail as usual.
      onIdleError: (error) => logger.warn('database connection lost', { error: error.message }),
    })
    return {
      rooms: new PgRoomRepository(db),
      access: new PgAccessRepository(db),
      ballots: new PgBallotRepository(db),
      notes: new PgPrivateNoteRepository(db),
      workshops: new PgWorkshopRepository(db),
      records: new PgRecordRepository(db),
      documents: new PgDocumentStore(db),
      close,
    }
  }
  const path = config.databasePath ?? ':memory:'
  const database = openSqlite({ path, synchronous: config.sqliteSynchronous })
  // `<db>.lock` tells `accord restore` that this database is in use.
  const lock = path === ':memory:' ? null : holdDatabaseLock(path)
  return {
    rooms: new SqliteRoomRepository(database.db),
    access: new SqliteAccessRepository(database.db),
    ballots: new SqliteBallotRepository(database.db),
    notes: new SqlitePrivateNoteRepository(database.db),
    workshops: new SqliteWorkshopRepository(database.db),
    records: new SqliteRecordRepository(database.db),
    documents: new SqliteDocumentStore(database.db),
    close: async () => {
      database.close()
      lock?.release()
    },
  }
}

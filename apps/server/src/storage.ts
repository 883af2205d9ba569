/**
 * The server's storage, chosen by `DATABASE_URL`: a SQLite file (the default), or PostgreSQL for
 * `postgres://…`. Either way the same repositories and document store, migrated at open.
 */
import {
  type AccessRepository,
  type BallotRepository,
  holdDatabaseLock,
  InProcessRoomLock,
  openSqlite,
  type PrivateNoteRepository,
  type RecordRepository,
  type RoomLock,
  type RoomRepository,
  type SessionRepository,
  SqliteAccessRepository,
  SqliteBallotRepository,
  SqliteDocumentStore,
  SqlitePrivateNoteRepository,
  SqliteRecordRepository,
  SqliteRoomRepository,
  SqliteSessionRepository,
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
  readonly sessions: SessionRepository
  readonly documents: DocumentStore
  /** Commands of one room take turns on every instance of this database (`RoomLock`). */
  readonly roomLock: RoomLock
  close(): Promise<void>
}

type StorageConfig = Pick<
  Config,
  'databasePath' | 'sqliteSynchronous' | 'postgresUrl' | 'pgPoolSize'
>

export async function openStorage(config: StorageConfig, logger: Logger): Promise<Storage> {
  if (config.postgresUrl !== null) return openPostgresStorage(config.postgresUrl, config, logger)
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
    sessions: new SqliteSessionRepository(database.db),
    documents: new SqliteDocumentStore(database.db),
    // One process has a SQLite database open (`<db>.lock`): its turns are all there is to keep.
    roomLock: new InProcessRoomLock(),
    close: async () => {
      database.close()
      lock?.release()
    },
  }
}

async function openPostgresStorage(
  url: string,
  config: StorageConfig,
  logger: Logger,
): Promise<Storage> {
  // Loaded only here: a server on SQLite never pays for the PostgreSQL driver's memory.
  const pg = await import('@accord/db/postgres')
  const database = await pg.openPostgres({
    url,
    maxConnections: config.pgPoolSize,
    // The pool replaces a connection that dropped while idle; requests meanwhile fail as usual.
    onIdleError: (error) => logger.warn('database connection lost', { error: error.message }),
  })
  const { db } = database
  const roomLock = pg.PgRoomLock.open({
    url,
    onConnectionError: (error) =>
      logger.warn('room lock connection lost', { error: error.message }),
  })
  return {
    rooms: new pg.PgRoomRepository(db),
    access: new pg.PgAccessRepository(db),
    ballots: new pg.PgBallotRepository(db),
    notes: new pg.PgPrivateNoteRepository(db),
    workshops: new pg.PgWorkshopRepository(db),
    records: new pg.PgRecordRepository(db),
    sessions: new pg.PgSessionRepository(db),
    documents: new pg.PgDocumentStore(db),
    roomLock,
    close: async () => {
      await roomLock.close()
      await database.close()
    },
  }
}

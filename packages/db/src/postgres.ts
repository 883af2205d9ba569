/**
 * PostgreSQL storage (`DATABASE_URL=postgres://…`), its own entry point so that a server on SQLite
 * — the default — never loads the PostgreSQL driver (`@accord/db/postgres`).
 */
export {
  openPostgres,
  pgMigrationsFolder,
  type AccordPgDb,
  type PostgresHandle,
  type PostgresOptions,
} from './pg-database.js'
export { PgDocumentStore } from './pg-document-store.js'
export {
  PgAccessRepository,
  PgBallotRepository,
  PgPrivateNoteRepository,
  PgRecordRepository,
  PgRoomRepository,
  PgSessionRepository,
  PgWorkshopRepository,
} from './pg-repositories.js'
export { PgRoomLock, type PgRoomLockOptions } from './pg-room-lock.js'

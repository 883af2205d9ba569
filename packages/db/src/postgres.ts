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
export { PgAccessRepository } from './pg-access-repository.js'
export { PgBallotRepository } from './pg-ballot-repository.js'
export { PgDocumentStore } from './pg-document-store.js'
export { PgPrivateNoteRepository } from './pg-private-note-repository.js'
export { PgRecordRepository } from './pg-record-repository.js'
export { PgRoomLock, type PgRoomLockOptions } from './pg-room-lock.js'
export { PgRoomRepository } from './pg-room-repository.js'
export { PgSessionRepository } from './pg-session-repository.js'
export { PgWorkshopRepository } from './pg-workshop-repository.js'

export type {
  AccessRepository,
  AuditEntry,
  AuditPage,
  CommandRecord,
  MemberRecord,
  RoomLink,
} from './access-repository.js'
export {
  backupDatabase,
  verifyDatabaseFile,
  type BackupFailure,
  type BackupOptions,
  type DatabaseSummary,
} from './backup.js'
export type { BallotChange, BallotRepository, StoredBallot } from './ballot-repository.js'
export type { BoardSnapshot, BoardState } from './decision-snapshots.js'
export { holdDatabaseLock, lockFileOf, runningHolder, type DatabaseLock } from './database-lock.js'
export type { PrivateNoteRecord, PrivateNoteRepository } from './private-note-repository.js'
export type {
  ActionItemQuery,
  DecisionQuery,
  RecordRepository,
  SavedWorkshop,
  WorkshopOutputs,
} from './record-repository.js'
export { restoreDatabase, type RestoreOptions, type RestoreSummary } from './restore.js'
export { InProcessRoomLock, RoomLockTimeout, type RoomLock } from './room-lock.js'
export type { RoomRecord, RoomRepository } from './room-repository.js'
export type { SessionRecord, SessionRepository } from './session-repository.js'
export * as schema from './schema/index.js'
export {
  migrationsFolder,
  openSqlite,
  type AccordSqliteDb,
  type SqliteHandle,
  type SqliteOptions,
  type SqliteSynchronous,
} from './sqlite-database.js'
export { SqliteDocumentStore } from './sqlite-document-store.js'
export {
  SqliteAccessRepository,
  SqliteBallotRepository,
  SqlitePrivateNoteRepository,
  SqliteRecordRepository,
  SqliteRoomRepository,
  SqliteSessionRepository,
  SqliteWorkshopRepository,
} from './sqlite-repositories.js'
export type { StoredResult, SubmissionRecord, WorkshopRepository } from './workshop-repository.js'

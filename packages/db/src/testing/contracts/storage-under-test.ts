/**
 * One shape for every storage backend under test, so that each repository's contract suite runs
 * unchanged against SQLite and PostgreSQL. Besides the repositories, a backend offers the few
 * things only SQL can do, each in its own dialect.
 */
import type { DocumentStore } from '@accord/sync'
import type { AccessRepository } from '../../access-repository.js'
import type { BallotRepository } from '../../ballot-repository.js'
import type { PrivateNoteRepository } from '../../private-note-repository.js'
import type { RecordRepository } from '../../record-repository.js'
import type { RoomRepository } from '../../room-repository.js'
import type { SessionRepository } from '../../session-repository.js'
import type { WorkshopRepository } from '../../workshop-repository.js'

export interface StorageUnderTest {
  readonly rooms: RoomRepository
  readonly access: AccessRepository
  readonly ballots: BallotRepository
  readonly notes: PrivateNoteRepository
  readonly workshops: WorkshopRepository
  readonly records: RecordRepository
  readonly sessions: SessionRepository
  readonly documents: DocumentStore
  /** Deletes a room with SQL, as an operator would (no repository deletes rooms). */
  deleteRoom(id: string): Promise<void>
  /** A decision record's content column, exactly as stored. */
  storedDecisionContent(number: number): Promise<string>
  /** Writes a decision record's content column with SQL, as an older version of Accord left it. */
  writeDecisionContent(number: number, json: string): Promise<void>
  /** How many migrations the database records as applied. */
  appliedMigrations(): Promise<number>
  /** Closes the database and opens it again (which runs the migrations again). */
  reopen(): Promise<StorageUnderTest>
  close(): Promise<void>
}

/** Opens a fresh, empty, migrated database for one test. */
export type OpenStorage = () => Promise<StorageUnderTest>

/** Creates a room with the given id (and title), with predictable link tokens. */
export function createRoom(
  storage: StorageUnderTest,
  id: string,
  { title = id, template = 'blank', createdAt = new Date(1000) } = {},
): Promise<void> {
  return storage.rooms.create(
    { id, title, createdAt, template, previousRoomId: null },
    { facilitator: `${id}-f`, participant: `${id}-p`, viewer: `${id}-v` },
  )
}

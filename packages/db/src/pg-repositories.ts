/**
 * The repositories on PostgreSQL, by the names the server and tests construct them with: each is
 * its repository's one implementation, on the PostgreSQL dialect.
 */
import { SqlAccessRepository } from './access-repository.js'
import { SqlBallotRepository } from './ballot-repository.js'
import { PgDialect } from './dialect/pg-dialect.js'
import { SqlPrivateNoteRepository } from './private-note-repository.js'
import { SqlRecordRepository } from './record-repository.js'
import { SqlRoomRepository } from './room-repository.js'
import { SqlSessionRepository } from './session-repository.js'
import { SqlWorkshopRepository } from './workshop-repository.js'
import type { AccordPgDb } from './pg-database.js'

export class PgAccessRepository extends SqlAccessRepository {
  constructor(db: AccordPgDb) {
    super(new PgDialect(db))
  }
}

export class PgBallotRepository extends SqlBallotRepository {
  constructor(db: AccordPgDb) {
    super(new PgDialect(db))
  }
}

export class PgPrivateNoteRepository extends SqlPrivateNoteRepository {
  constructor(db: AccordPgDb) {
    super(new PgDialect(db))
  }
}

export class PgRecordRepository extends SqlRecordRepository {
  constructor(db: AccordPgDb) {
    super(new PgDialect(db))
  }
}

export class PgRoomRepository extends SqlRoomRepository {
  constructor(db: AccordPgDb) {
    super(new PgDialect(db))
  }
}

export class PgSessionRepository extends SqlSessionRepository {
  constructor(db: AccordPgDb) {
    super(new PgDialect(db))
  }
}

export class PgWorkshopRepository extends SqlWorkshopRepository {
  constructor(db: AccordPgDb) {
    super(new PgDialect(db))
  }
}

/**
 * The repositories on SQLite, by the names the server and tests construct them with: each is its
 * repository's one implementation, on the SQLite dialect.
 */
import { SqlAccessRepository } from './access-repository.js'
import { SqlBallotRepository } from './ballot-repository.js'
import { SqliteDialect } from './dialect/sqlite-dialect.js'
import { SqlPrivateNoteRepository } from './private-note-repository.js'
import { SqlRecordRepository } from './record-repository.js'
import { SqlRoomRepository } from './room-repository.js'
import { SqlSessionRepository } from './session-repository.js'
import { SqlWorkshopRepository } from './workshop-repository.js'
import type { AccordSqliteDb } from './sqlite-database.js'

export class SqliteAccessRepository extends SqlAccessRepository {
  constructor(db: AccordSqliteDb) {
    super(new SqliteDialect(db))
  }
}

export class SqliteBallotRepository extends SqlBallotRepository {
  constructor(db: AccordSqliteDb) {
    super(new SqliteDialect(db))
  }
}

export class SqlitePrivateNoteRepository extends SqlPrivateNoteRepository {
  constructor(db: AccordSqliteDb) {
    super(new SqliteDialect(db))
  }
}

export class SqliteRecordRepository extends SqlRecordRepository {
  constructor(db: AccordSqliteDb) {
    super(new SqliteDialect(db))
  }
}

export class SqliteRoomRepository extends SqlRoomRepository {
  constructor(db: AccordSqliteDb) {
    super(new SqliteDialect(db))
  }
}

export class SqliteSessionRepository extends SqlSessionRepository {
  constructor(db: AccordSqliteDb) {
    super(new SqliteDialect(db))
  }
}

export class SqliteWorkshopRepository extends SqlWorkshopRepository {
  constructor(db: AccordSqliteDb) {
    super(new SqliteDialect(db))
  }
}

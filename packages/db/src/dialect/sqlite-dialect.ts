/**
 * The repositories' port on SQLite. better-sqlite3 is synchronous: every statement has run (and
 * a write has committed) before the promise that answers it exists, and a transaction's body runs
 * start to end without the event loop getting a turn — on one connection, in one process (the
 * `<database>.lock`), so writes take turns without any lock.
 */
import type { RunResult } from 'better-sqlite3'
import { type Column, sql } from 'drizzle-orm'
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core'
import * as schema from '../schema/index.js'
import type { AccordSqliteDb } from '../sqlite-database.js'
import type { Build, Query, QueryBuilder } from './query-builder.js'
import { safeTerms, type SqlDialect, type TextSearch } from './sql-dialect.js'
import { runNow, type Step, type Steps } from './steps.js'

/** The database or a transaction on it: better-sqlite3 runs both synchronously. */
type Db = BaseSQLiteDatabase<'sync', RunResult, typeof schema>

/** A statement as drizzle builds it for better-sqlite3: run on demand, synchronously. */
type SqliteQuery<R> = Query<R> & { all(): R; run(): RunResult }

export class SqliteDialect implements SqlDialect {
  readonly tables = schema
  readonly search = search

  constructor(private readonly db: AccordSqliteDb) {}

  async rows<R>(build: Build<R[]>): Promise<R[]> {
    return prepare(this.db, build).all()
  }

  async run(build: Build<unknown>): Promise<number> {
    return prepare(this.db, build).run().changes
  }

  async read<T>(body: () => Steps<T>): Promise<T> {
    // Run synchronously, nothing writes between its statements: no transaction is needed.
    return runNow(body(), (step) => answer(this.db, step))
  }

  async write<T>(body: () => Steps<T>): Promise<T> {
    return this.db.transaction((tx) => runNow(body(), (step) => answer(tx, step)))
  }
}

function answer(db: Db, step: Step): unknown {
  switch (step.kind) {
    case 'rows':
      return prepare(db, step.build).all()
    case 'run':
      return prepare(db, step.build).run().changes
    case 'lock':
      // Writes already take turns: each transaction runs whole before the next can begin.
      return undefined
  }
}

function prepare<R>(db: Db, build: Build<R>): SqliteQuery<R> {
  // drizzle's SQLite database has the builder methods `QueryBuilder` names (see there), and
  // what they build runs synchronously with `all` and `run`.
  return build(db as unknown as QueryBuilder) as SqliteQuery<R>
}

const search: TextSearch = {
  contains: (column: Column, text: string) => sql`instr(${column}, ${text}) > 0`,
  includes: (column: Column, value: string) =>
    sql`exists (select 1 from json_each(${column}) where json_each.value = ${value})`,
  // The FTS5 table `decision_search` (rowid = the record's number) is kept by triggers on
  // decision_records (migration 0011). FTS5's rank is bm25: lower is better.
  decisionText(number, _searchText, { terms, every, prefix }) {
    const expression = safeTerms(terms)
      .map((term) => `"${term}"${prefix ? '*' : ''}`)
      .join(every ? ' AND ' : ' OR ')
    return {
      matches: sql`${number} in (select rowid from decision_search where decision_search match ${expression})`,
      relevance: sql`-(select rank from decision_search where decision_search match ${expression} and rowid = ${number})`,
    }
  },
}

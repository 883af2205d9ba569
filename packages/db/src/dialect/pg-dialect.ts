/**
 * The repositories' port on PostgreSQL: a statement on its own runs on the pool (one statement,
 * one transaction); `write` is a transaction at the default isolation (read committed), whose
 * advisory locks make writes from any process take turns where they must; `read` is a
 * repeatable-read, read-only transaction, so that its statements see one snapshot.
 */
import { type Column, type SQL, sql } from 'drizzle-orm'
import type { NodePgQueryResultHKT } from 'drizzle-orm/node-postgres'
import type { PgDatabase } from 'drizzle-orm/pg-core'
import type { AccordPgDb } from '../pg-database.js'
import { noNul } from '../schema-pg/columns.js'
import * as schema from '../schema-pg/index.js'
import type { Build, QueryBuilder } from './query-builder.js'
import { safeTerms, type SqlDialect, type TextSearch } from './sql-dialect.js'
import { type AdvisoryLock, runAwaiting, type Step, type Steps } from './steps.js'

/** The database or a transaction on it. */
type Db = PgDatabase<NodePgQueryResultHKT, typeof schema>

export class PgDialect implements SqlDialect {
  readonly tables = schema
  readonly search = search

  constructor(private readonly db: AccordPgDb) {}

  async rows<R>(build: Build<R[]>): Promise<R[]> {
    return build(builder(this.db))
  }

  async run(build: Build<unknown>): Promise<number> {
    return changedRows(await build(builder(this.db)))
  }

  read<T>(body: () => Steps<T>): Promise<T> {
    return this.db.transaction((tx) => runAwaiting(body(), (step) => answer(tx, step)), {
      isolationLevel: 'repeatable read',
      accessMode: 'read only',
    })
  }

  write<T>(body: () => Steps<T>): Promise<T> {
    return this.db.transaction((tx) => runAwaiting(body(), (step) => answer(tx, step)))
  }
}

async function answer(db: Db, step: Step): Promise<unknown> {
  switch (step.kind) {
    case 'rows':
      return step.build(builder(db))
    case 'run':
      return changedRows(await step.build(builder(db)))
    case 'lock':
      await db.execute(sql`select ${lockFunction(step.lock)}(${lockKey(step.lock)})`)
      return undefined
  }
}

function builder(db: Db): QueryBuilder {
  // drizzle's PostgreSQL database has the builder methods `QueryBuilder` names (see there).
  return db as unknown as QueryBuilder
}

/** node-postgres reports the rows a statement changed as `rowCount`. */
function changedRows(result: unknown): number {
  const counted = typeof result === 'object' && result !== null && 'rowCount' in result
  return counted && typeof result.rowCount === 'number' ? result.rowCount : 0
}

const lockFunction = ({ shared }: AdvisoryLock): SQL =>
  shared ? sql`pg_advisory_xact_lock_shared` : sql`pg_advisory_xact_lock`

/** One bigint key, or a pair of integers: the key and the name's hash. */
const lockKey = ({ key, name }: AdvisoryLock): SQL =>
  name === undefined ? sql`${key}` : sql`${key}, hashtext(${noNul(name)})`

/**
 * PostgreSQL text cannot hold U+0000 and refuses the whole statement; values compared with the
 * columns go through `noNul` as the stored ones did (`schema-pg/columns.ts`).
 */
const search: TextSearch = {
  contains: (column: Column, text: string) => sql`strpos(${column}, ${noNul(text)}) > 0`,
  includes: (column: Column, value: string) =>
    sql`exists (select 1 from json_array_elements_text(${column}) as element(value) where element.value = ${noNul(value)})`,
  // The expression is the one the GIN index `decision_records_search` is built on.
  decisionText(_number, searchText, { terms, every, prefix }) {
    const query = safeTerms(terms)
      .map((term) => `${term}${prefix ? ':*' : ''}`)
      .join(every ? ' & ' : ' | ')
    const vector = sql`to_tsvector('english', ${searchText})`
    const tsquery = sql`to_tsquery('english', ${query})`
    return { matches: sql`${vector} @@ ${tsquery}`, relevance: sql`ts_rank(${vector}, ${tsquery})` }
  },
}

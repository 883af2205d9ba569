/**
 * The port the repositories are written against: what differs between SQLite and PostgreSQL
 * beneath them — how statements run, what a transaction is, text search, advisory locks — and
 * nothing else. `sqlite-dialect.ts` and `pg-dialect.ts` implement it.
 */
import type { Column, SQL } from 'drizzle-orm'
import type { Build, Tables } from './query-builder.js'
import type { Steps } from './steps.js'

export interface SqlDialect {
  /** The dialect's tables, to build statements from. */
  readonly tables: Tables
  readonly search: TextSearch
  /** Runs one statement on its own and gives its rows. */
  rows<R>(build: Build<R[]>): Promise<R[]>
  /** Runs one statement on its own and gives how many rows it changed. */
  run(build: Build<unknown>): Promise<number>
  /** Runs `body`'s statements against one unchanging state of the database. */
  read<T>(body: () => Steps<T>): Promise<T>
  /**
   * Runs `body` as one transaction: all of its writes are stored, or (if it throws) none. Its
   * advisory locks are held until it ends.
   */
  write<T>(body: () => Steps<T>): Promise<T>
}

/** The conditions the decision log searches with, in the dialect's own functions. */
export interface TextSearch {
  /** Whether text `column` contains `text`, as written (callers lowercase both sides). */
  contains(column: Column, text: string): SQL
  /** Whether `column`, a JSON array of strings, has `value` among them. */
  includes(column: Column, value: string): SQL
}

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
  /**
   * Full text over the decision records' `search_text` (rec:SG1), stemmed, through the dialect's
   * index: whether the record numbered by `number` matches, and how well (higher is better).
   */
  decisionText(number: Column, searchText: Column, query: FullTextQuery): FullTextMatch
}

/** What to look for: terms of letters and digits only (`searchTerms`), never search syntax. */
export interface FullTextQuery {
  readonly terms: readonly string[]
  /** Every term must match (the log's search), or any one (the guard's candidates). */
  readonly every: boolean
  /** Terms match the start of a word too ("postg" finds "PostgreSQL"), as a search box does. */
  readonly prefix: boolean
}

export interface FullTextMatch {
  readonly matches: SQL
  readonly relevance: SQL
}

/**
 * Terms with letters and digits only — what a full-text term may hold in either dialect's syntax —
 * and none empty. Callers pass at least one term with a letter or digit.
 */
export function safeTerms(terms: readonly string[]): string[] {
  const safe = terms.map((term) => term.replace(/[^\p{L}\p{N}]/gu, '')).filter((t) => t !== '')
  if (safe.length === 0) throw new Error('a full-text search needs a term of letters or digits')
  return safe
}

/**
 * The part of drizzle's query builders the repositories use, for a database of either dialect.
 *
 * SQLite and PostgreSQL each have their own drizzle database and tables; the two schemas name
 * every table and column alike (`schema-parity.test.ts`), and the builders of both dialects
 * offer these methods with these results. drizzle's own types cannot say so for a database
 * chosen at run time, so each dialect presents its database through this view
 * (`sqlite-dialect.ts`, `pg-dialect.ts`), and the repositories are written once against it.
 */
import type { Column, SQL } from 'drizzle-orm'
import type { SelectResultFields } from 'drizzle-orm/query-builders/select.types'
import type * as sqlite from '../schema/index.js'
import type * as pg from '../schema-pg/index.js'

/** Every table, as the dialect in use has it. */
export type Tables = {
  readonly [Name in keyof typeof sqlite]: (typeof sqlite)[Name] | (typeof pg)[Name]
}

export type AnyTable = Tables[keyof Tables]

/** A row as read from `T`. */
export type Row<T extends AnyTable> = T['$inferSelect']

/** A row as written to `T` (generated and defaulted columns optional). */
export type NewRow<T extends AnyTable> = T['$inferInsert']

/** What an update sets: a value, or SQL computing one (`generation + 1`). */
export type Changes<T extends AnyTable> = { [Key in keyof NewRow<T>]?: NewRow<T>[Key] | SQL }

/** What a select (or `returning`) reads: columns and SQL expressions, by the names they get. */
export type Fields = Record<string, Column | SQL | SQL.Aliased>

/** A statement, built but not run yet; its dialect runs it and gives `R`. */
export type Query<R> = PromiseLike<R>

/** A statement that returns no rows (its dialect reports how many it changed). */
export type Statement = Query<unknown>

export interface SelectQuery<R> extends Query<R[]> {
  where(condition: SQL | undefined): SelectQuery<R>
  orderBy(...order: (Column | SQL | SQL.Aliased)[]): SelectQuery<R>
  groupBy(...columns: Column[]): SelectQuery<R>
  limit(count: number): SelectQuery<R>
  offset(count: number): SelectQuery<R>
}

interface Returning<T extends AnyTable> {
  returning(): Query<Row<T>[]>
  returning<F extends Fields>(fields: F): Query<SelectResultFields<F>[]>
}

export interface InsertQuery<T extends AnyTable> extends Statement, Returning<T> {
  onConflictDoNothing(): Statement
  onConflictDoUpdate(config: { target: Column[]; set: Changes<T> }): Statement
}

export interface UpdateQuery<T extends AnyTable> extends Statement, Returning<T> {
  where(condition: SQL | undefined): UpdateQuery<T>
}

export interface DeleteQuery extends Statement {
  where(condition: SQL | undefined): Statement
}

export interface QueryBuilder {
  select(): { from<T extends AnyTable>(table: T): SelectQuery<Row<T>> }
  select<F extends Fields>(fields: F): { from(table: AnyTable): SelectQuery<SelectResultFields<F>> }
  insert<T extends AnyTable>(table: T): { values(rows: NewRow<T> | NewRow<T>[]): InsertQuery<T> }
  update<T extends AnyTable>(table: T): { set(changes: Changes<T>): UpdateQuery<T> }
  delete(table: AnyTable): DeleteQuery
}

/** Builds one statement from the builder it is given. */
export type Build<R> = (q: QueryBuilder) => Query<R>

/**
 * The SQLite and PostgreSQL schemas describe one database: same tables, columns, keys, indexes
 * and cascades, with column kinds mapped as `schema-pg/columns.ts` says. A change to one schema
 * without the other fails here (and each dialect's migrations are generated from its own).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Column, getTableName, type Table } from 'drizzle-orm'
import { getTableConfig as pgConfig, type PgTable } from 'drizzle-orm/pg-core'
import { getTableConfig as sqliteConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core'
import { describe, expect, it } from 'vitest'
import * as sqlite from './schema/index.js'
import * as pg from './schema-pg/index.js'

const here = dirname(fileURLToPath(import.meta.url))

/** What a column holds, in words both dialects share. */
const sqliteKinds: Record<string, string> = {
  SQLiteText: 'text',
  SQLiteTextJson: 'json',
  SQLiteInteger: 'integer',
  SQLiteTimestamp: 'timestamp',
  SQLiteBlobBuffer: 'bytes',
}
const pgKinds: Record<string, string> = {
  text: 'text',
  json: 'json',
  integer: 'integer',
  bigint: 'integer',
  'timestamp (3) with time zone': 'timestamp',
  bytea: 'bytes',
}

interface Shape {
  readonly name: string
  readonly columns: readonly unknown[]
  readonly primaryKey: readonly string[]
  readonly foreignKeys: readonly unknown[]
  readonly indexes: readonly unknown[]
}

type Config = ReturnType<typeof sqliteConfig> | ReturnType<typeof pgConfig>

function shapeOf(config: Config, kindOf: (column: Column) => string | undefined): Shape {
  const columnPrimary = config.columns.filter((column) => column.primary).map((c) => c.name)
  const composite = config.primaryKeys.flatMap((key) => key.columns.map((c) => c.name))
  return {
    name: config.name,
    columns: config.columns.map((column) => ({
      name: column.name,
      kind: kindOf(column),
      notNull: column.notNull,
      default: column.default,
      generated: column.hasDefault && column.default === undefined,
    })),
    primaryKey: [...columnPrimary, ...composite],
    foreignKeys: config.foreignKeys
      .map((key) => {
        const reference = key.reference()
        return {
          columns: reference.columns.map((c) => c.name),
          table: getTableName(reference.foreignTable as Table),
          foreignColumns: reference.foreignColumns.map((c) => c.name),
          onDelete: key.onDelete ?? 'no action',
        }
      })
      .sort((a, b) => a.columns.join().localeCompare(b.columns.join())),
    indexes: config.indexes
      .filter(({ config: index }) => !fullTextIndexes.has(index.name ?? ''))
      .map(({ config: index }) => ({
        name: index.name,
        unique: index.unique,
        columns: index.columns.map((c) => ('name' in c ? c.name : String(c))),
      }))
      .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '')),
  }
}

/**
 * Full-text indexes are each dialect's own: PostgreSQL's is a GIN index on an expression (in its
 * schema); SQLite's is an FTS5 table kept by triggers (a hand-written migration, checked below).
 */
const fullTextIndexes = new Set(['decision_records_search'])

const byName = (shapes: Shape[]) => [...shapes].sort((a, b) => a.name.localeCompare(b.name))

const sqliteShapes = byName(
  Object.values(sqlite).map((table) =>
    shapeOf(sqliteConfig(table as SQLiteTable), (c) => sqliteKinds[c.columnType]),
  ),
)
const pgShapes = byName(
  Object.values(pg).map((table) =>
    shapeOf(pgConfig(table as PgTable), (c) => pgKinds[c.getSQLType()]),
  ),
)

describe('the SQLite and PostgreSQL schemas', () => {
  it('have the same tables', () => {
    expect(pgShapes.map((s) => s.name)).toEqual(sqliteShapes.map((s) => s.name))
  })

  it.each(sqliteShapes.map((shape) => [shape.name, shape] as const))(
    '%s: same columns, kinds, keys, cascades and indexes',
    (name, shape) => {
      expect(pgShapes.find((s) => s.name === name)).toEqual(shape)
    },
  )

  it("each have the decision log's full-text index", () => {
    const sqliteMigrations = readdirSync(join(here, '../drizzle'))
      .filter((file) => file.endsWith('.sql'))
      .map((file) => readFileSync(join(here, '../drizzle', file), 'utf8'))
      .join('\n')
    expect(sqliteMigrations).toMatch(/CREATE VIRTUAL TABLE `decision_search` USING fts5/)
    const pgIndexes = pgConfig(pg.decisionRecords).indexes.map(({ config }) => config.name)
    expect(pgIndexes).toContain('decision_records_search')
  })

  it('know every column kind they use', () => {
    const kinds = [...sqliteShapes, ...pgShapes].flatMap((shape) =>
      shape.columns.map((column) => (column as { kind?: string }).kind),
    )
    expect(kinds).not.toContain(undefined)
  })
})

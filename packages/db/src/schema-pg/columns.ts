/**
 * How the SQLite schema's column kinds map onto PostgreSQL, in one place so that every table
 * maps them alike:
 *
 *   text                 → text, U+0000 stored as U+FFFD   (PostgreSQL text cannot hold U+0000)
 *   text json            → json, stored as written          (jsonb would reorder keys), U+0000 too
 *   integer timestamp_ms → timestamptz(3), read as a Date    (Dates carry milliseconds)
 *   blob (buffer)        → bytea, read as a Buffer
 *   integer              → integer, or bigint where SQLite's 64 bits are needed: sequence numbers
 *                          that only grow, and Yjs client ids (unsigned 32-bit)
 *
 * SQLite keeps a U+0000 in text; PostgreSQL refuses the whole statement. Text reaches the tables
 * from people (titles, names, notes, the board's text), so here it is replaced — in stored values
 * and in the values queries compare with alike, so a lookup by such an id finds nothing instead
 * of failing.
 */
import { customType, timestamp } from 'drizzle-orm/pg-core'

/** U+0000 → U+FFFD, the replacement character. */
export const noNul = (value: string): string => value.replaceAll('\u0000', '\uFFFD')

export const text = customType<{ data: string; driverData: string }>({
  dataType: () => 'text',
  toDriver: noNul,
})

export const json = customType<{ data: unknown; driverData: string }>({
  dataType: () => 'json',
  toDriver: (value) =>
    JSON.stringify(value, (_key, inner: unknown) =>
      typeof inner === 'string' ? noNul(inner) : inner,
    ),
  // No fromDriver: node-postgres parses json itself (parsing again would turn "1" into 1).
})

export const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => 'bytea',
})

export const timestampMs = (name: string) =>
  timestamp(name, { withTimezone: true, precision: 3, mode: 'date' })

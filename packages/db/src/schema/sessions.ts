import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * Sign-in sessions (`ACCORD_ACCESS_KEY`). `id` is a SHA-256 of the cookie's random secret, so the
 * table cannot be turned back into cookies; `key_id` ties a session to the key it was opened with.
 */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    keyId: text('key_id').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [index('sessions_expires_at').on(table.expiresAt)],
)

import { index, pgTable } from 'drizzle-orm/pg-core'
import { text, timestampMs } from './columns.js'

/** Sign-in sessions (see the SQLite schema); only a hash of each cookie's secret is kept. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    keyId: text('key_id').notNull(),
    createdAt: timestampMs('created_at').notNull(),
    expiresAt: timestampMs('expires_at').notNull(),
  },
  (table) => [index('sessions_expires_at').on(table.expiresAt)],
)

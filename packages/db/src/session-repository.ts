import { and, eq, gt, lte, ne } from 'drizzle-orm'
import type { SqlDialect } from './dialect/sql-dialect.js'

/**
 * Sign-in sessions of an instance with an access key, kept server-side so that signing out, or a
 * change of the key, ends a session everywhere — for every instance sharing the database — even
 * for whoever holds a copy of its cookie.
 */
export interface SessionRecord {
  /** A hash of the cookie's secret; the secret itself is never stored. */
  readonly id: string
  /** Which access key the session was opened with (a one-way fingerprint of it). */
  readonly keyId: string
  readonly createdAt: Date
  readonly expiresAt: Date
}

export interface SessionRepository {
  add(session: SessionRecord): Promise<void>
  /** Whether session `id` exists, was opened with key `keyId`, and has not expired at `now`. */
  isLive(id: string, keyId: string, now: Date): Promise<boolean>
  /** Ends one session (signing out); ending one that does not exist is not an error. */
  remove(id: string): Promise<void>
  /** Deletes the sessions that expired by `now`; returns how many went. */
  removeExpired(now: Date): Promise<number>
  /**
   * Deletes every session not opened with key `keyId` (all of them when null: the instance has
   * no key any more); returns how many went.
   */
  removeOtherKeys(keyId: string | null): Promise<number>
}

/** Sessions in SQL, for either dialect. */
export class SqlSessionRepository implements SessionRepository {
  constructor(private readonly db: SqlDialect) {}

  async add(session: SessionRecord): Promise<void> {
    const { sessions } = this.db.tables
    await this.db.run((q) => q.insert(sessions).values(session))
  }

  async isLive(id: string, keyId: string, now: Date): Promise<boolean> {
    const { sessions } = this.db.tables
    const [row] = await this.db.rows((q) =>
      q
        .select({ id: sessions.id })
        .from(sessions)
        .where(and(eq(sessions.id, id), eq(sessions.keyId, keyId), gt(sessions.expiresAt, now))),
    )
    return row !== undefined
  }

  async remove(id: string): Promise<void> {
    const { sessions } = this.db.tables
    await this.db.run((q) => q.delete(sessions).where(eq(sessions.id, id)))
  }

  async removeExpired(now: Date): Promise<number> {
    const { sessions } = this.db.tables
    return this.db.run((q) => q.delete(sessions).where(lte(sessions.expiresAt, now)))
  }

  async removeOtherKeys(keyId: string | null): Promise<number> {
    const { sessions } = this.db.tables
    const other = keyId === null ? undefined : ne(sessions.keyId, keyId)
    return this.db.run((q) => q.delete(sessions).where(other))
  }
}

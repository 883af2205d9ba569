import { and, eq, gt, lte, ne } from 'drizzle-orm'
import type { SessionRecord, SessionRepository } from './session-repository.js'
import type { AccordSqliteDb } from './sqlite-database.js'
import { sessions } from './schema/index.js'

export class SqliteSessionRepository implements SessionRepository {
  constructor(private readonly db: AccordSqliteDb) {}

  async add(session: SessionRecord): Promise<void> {
    this.db.insert(sessions).values(session).run()
  }

  async isLive(id: string, keyId: string, now: Date): Promise<boolean> {
    const row = this.db
      .select({ id: sessions.id })
      .from(sessions)
      .where(and(eq(sessions.id, id), eq(sessions.keyId, keyId), gt(sessions.expiresAt, now)))
      .get()
    return row !== undefined
  }

  async remove(id: string): Promise<void> {
    this.db.delete(sessions).where(eq(sessions.id, id)).run()
  }

  async removeExpired(now: Date): Promise<number> {
    return this.db.delete(sessions).where(lte(sessions.expiresAt, now)).run().changes
  }

  async removeOtherKeys(keyId: string | null): Promise<number> {
    const other = keyId === null ? undefined : ne(sessions.keyId, keyId)
    return this.db.delete(sessions).where(other).run().changes
  }
}

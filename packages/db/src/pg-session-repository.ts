import { and, eq, gt, lte, ne } from 'drizzle-orm'
import type { AccordPgDb } from './pg-database.js'
import type { SessionRecord, SessionRepository } from './session-repository.js'
import { sessions } from './schema-pg/index.js'

export class PgSessionRepository implements SessionRepository {
  constructor(private readonly db: AccordPgDb) {}

  async add(session: SessionRecord): Promise<void> {
    await this.db.insert(sessions).values(session)
  }

  async isLive(id: string, keyId: string, now: Date): Promise<boolean> {
    const [row] = await this.db
      .select({ id: sessions.id })
      .from(sessions)
      .where(and(eq(sessions.id, id), eq(sessions.keyId, keyId), gt(sessions.expiresAt, now)))
    return row !== undefined
  }

  async remove(id: string): Promise<void> {
    await this.db.delete(sessions).where(eq(sessions.id, id))
  }

  async removeExpired(now: Date): Promise<number> {
    const result = await this.db.delete(sessions).where(lte(sessions.expiresAt, now))
    return result.rowCount ?? 0
  }

  async removeOtherKeys(keyId: string | null): Promise<number> {
    const other = keyId === null ? undefined : ne(sessions.keyId, keyId)
    const result = await this.db.delete(sessions).where(other)
    return result.rowCount ?? 0
  }
}

import { and, asc, desc, eq } from 'drizzle-orm'
import type { AccordPgDb } from './pg-database.js'
import { submissions, workshopResults } from './schema-pg/index.js'
import type { StoredResult, SubmissionRecord, WorkshopRepository } from './workshop-repository.js'

export class PgWorkshopRepository implements WorkshopRepository {
  constructor(private readonly db: AccordPgDb) {}

  async putSubmission(roomId: string, kind: string, memberId: string, value: unknown, at: Date) {
    await this.db
      .insert(submissions)
      .values({ roomId, kind, memberId, value, updatedAt: at })
      .onConflictDoUpdate({
        target: [submissions.roomId, submissions.kind, submissions.memberId],
        set: { value, updatedAt: at },
      })
  }

  async submissions(roomId: string, kind: string): Promise<SubmissionRecord[]> {
    return this.db
      .select({
        memberId: submissions.memberId,
        value: submissions.value,
        updatedAt: submissions.updatedAt,
      })
      .from(submissions)
      .where(and(eq(submissions.roomId, roomId), eq(submissions.kind, kind)))
      .orderBy(asc(submissions.updatedAt))
  }

  async submission(roomId: string, kind: string, memberId: string) {
    const [row] = await this.db
      .select({
        memberId: submissions.memberId,
        value: submissions.value,
        updatedAt: submissions.updatedAt,
      })
      .from(submissions)
      .where(
        and(
          eq(submissions.roomId, roomId),
          eq(submissions.kind, kind),
          eq(submissions.memberId, memberId),
        ),
      )
    return row ?? null
  }

  async addResult(result: Omit<StoredResult, 'seq'>): Promise<StoredResult> {
    const { roomId, template, result: content, closedBy, closedAt } = result
    const [row] = await this.db
      .insert(workshopResults)
      .values({ roomId, template, result: content, closedBy, closedAt })
      .returning()
    return row!
  }

  async latestResult(roomId: string): Promise<StoredResult | null> {
    const [row] = await this.db
      .select()
      .from(workshopResults)
      .where(eq(workshopResults.roomId, roomId))
      .orderBy(desc(workshopResults.seq))
      .limit(1)
    return row ?? null
  }
}

import { and, asc, desc, eq } from 'drizzle-orm'
import type { AccordSqliteDb } from './sqlite-database.js'
import { submissions, workshopResults } from './schema/index.js'
import type { StoredResult, SubmissionRecord, WorkshopRepository } from './workshop-repository.js'

export class SqliteWorkshopRepository implements WorkshopRepository {
  constructor(private readonly db: AccordSqliteDb) {}

  async putSubmission(roomId: string, kind: string, memberId: string, value: unknown, at: Date) {
    const row = { roomId, kind, memberId, value, updatedAt: at }
    this.db
      .insert(submissions)
      .values(row)
      .onConflictDoUpdate({
        target: [submissions.roomId, submissions.kind, submissions.memberId],
        set: { value, updatedAt: at },
      })
      .run()
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
      .all()
  }

  async submission(roomId: string, kind: string, memberId: string) {
    return (
      this.db
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
        .get() ?? null
    )
  }

  async addResult(result: Omit<StoredResult, 'seq'>): Promise<StoredResult> {
    const { roomId, template, result: content, closedBy, closedAt } = result
    return this.db
      .insert(workshopResults)
      .values({ roomId, template, result: content, closedBy, closedAt })
      .returning()
      .get()
  }

  async latestResult(roomId: string): Promise<StoredResult | null> {
    return (
      this.db
        .select()
        .from(workshopResults)
        .where(eq(workshopResults.roomId, roomId))
        .orderBy(desc(workshopResults.seq))
        .limit(1)
        .get() ?? null
    )
  }
}

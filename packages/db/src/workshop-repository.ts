import { and, asc, desc, eq } from 'drizzle-orm'
import type { SqlDialect } from './dialect/sql-dialect.js'

/** One person's hidden input of a kind (a stance, a sheet of scores). */
export interface SubmissionRecord {
  readonly memberId: string
  readonly value: unknown
  readonly updatedAt: Date
}

export interface StoredResult {
  readonly seq: number
  readonly roomId: string
  readonly template: string
  readonly result: Record<string, unknown>
  readonly closedBy: string | null
  readonly closedAt: Date
}

/** What templates keep beyond the board: hidden submissions, and the results stored at close. */
export interface WorkshopRepository {
  /** Stores (replaces) a person's submission of a kind. */
  putSubmission(
    roomId: string,
    kind: string,
    memberId: string,
    value: unknown,
    at: Date,
  ): Promise<void>
  /** Every submission of a kind in a room, oldest first. */
  submissions(roomId: string, kind: string): Promise<SubmissionRecord[]>
  submission(roomId: string, kind: string, memberId: string): Promise<SubmissionRecord | null>
  addResult(result: Omit<StoredResult, 'seq'>): Promise<StoredResult>
  /** The latest stored result of a room, if it has ever been closed. */
  latestResult(roomId: string): Promise<StoredResult | null>
}

/** Submissions and workshop results in SQL, for either dialect. */
export class SqlWorkshopRepository implements WorkshopRepository {
  constructor(private readonly db: SqlDialect) {}

  async putSubmission(
    roomId: string,
    kind: string,
    memberId: string,
    value: unknown,
    at: Date,
  ): Promise<void> {
    const { submissions } = this.db.tables
    await this.db.run((q) =>
      q
        .insert(submissions)
        .values({ roomId, kind, memberId, value, updatedAt: at })
        .onConflictDoUpdate({
          target: [submissions.roomId, submissions.kind, submissions.memberId],
          set: { value, updatedAt: at },
        }),
    )
  }

  async submissions(roomId: string, kind: string): Promise<SubmissionRecord[]> {
    const { submissions } = this.db.tables
    return this.db.rows((q) =>
      q
        .select(this.submissionFields())
        .from(submissions)
        .where(and(eq(submissions.roomId, roomId), eq(submissions.kind, kind)))
        .orderBy(asc(submissions.updatedAt)),
    )
  }

  async submission(
    roomId: string,
    kind: string,
    memberId: string,
  ): Promise<SubmissionRecord | null> {
    const { submissions } = this.db.tables
    const [row] = await this.db.rows((q) =>
      q
        .select(this.submissionFields())
        .from(submissions)
        .where(
          and(
            eq(submissions.roomId, roomId),
            eq(submissions.kind, kind),
            eq(submissions.memberId, memberId),
          ),
        ),
    )
    return row ?? null
  }

  async addResult(result: Omit<StoredResult, 'seq'>): Promise<StoredResult> {
    const { workshopResults } = this.db.tables
    const { roomId, template, result: content, closedBy, closedAt } = result
    const [row] = await this.db.rows((q) =>
      q
        .insert(workshopResults)
        .values({ roomId, template, result: content, closedBy, closedAt })
        .returning(),
    )
    return row!
  }

  async latestResult(roomId: string): Promise<StoredResult | null> {
    const { workshopResults } = this.db.tables
    const [row] = await this.db.rows((q) =>
      q
        .select()
        .from(workshopResults)
        .where(eq(workshopResults.roomId, roomId))
        .orderBy(desc(workshopResults.seq))
        .limit(1),
    )
    return row ?? null
  }

  private submissionFields() {
    const { submissions } = this.db.tables
    return {
      memberId: submissions.memberId,
      value: submissions.value,
      updatedAt: submissions.updatedAt,
    }
  }
}

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

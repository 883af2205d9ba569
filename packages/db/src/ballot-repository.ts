import { and, eq } from 'drizzle-orm'
import type { SqlDialect } from './dialect/sql-dialect.js'
import { lock, rows, run } from './dialect/steps.js'

/** A ballot: item id → the dots one person placed on it. */
export type StoredBallot = Readonly<Record<string, number>>

export type BallotChange<E> = (
  ballot: StoredBallot,
) => { ok: true; value: StoredBallot } | { ok: false; error: E }

/** Ballots of dot votes, kept server-side only. */
export interface BallotRepository {
  /**
   * Reads a person's ballot, applies `change` and stores the result — all at once, so two casts
   * by the same person can never both pass a limit that only one of them fits. Once the vote is
   * closed (`close`) nothing is stored: the answer is `ifClosed`, decided in the same transaction.
   */
  change<E>(
    roomId: string,
    voteId: string,
    memberId: string,
    change: BallotChange<E>,
    ifClosed: E,
  ): Promise<{ ok: true; value: StoredBallot } | { ok: false; error: E }>
  find(voteId: string, memberId: string): Promise<StoredBallot>
  /** Every ballot of a vote. */
  all(voteId: string): Promise<StoredBallot[]>
  /**
   * Closes the vote for good and returns every ballot: each change stored before the close is
   * among them, and none is stored after it — whichever process sent it. Closing again returns
   * the same ballots.
   */
  close(roomId: string, voteId: string, at: Date): Promise<StoredBallot[]>
}

/** The first key of the advisory locks that serialize changes to one person's ballot. */
const BALLOT_LOCKS = 0x42616c6c // "Ball"
/**
 * The first key of the locks between a vote's ballots and its close: every change holds its
 * vote's lock shared, a close holds it alone. So a close waits for the changes under way, and
 * the changes after it see it.
 */
const VOTE_LOCKS = 0x566f7465 // "Vote"

/** Ballots in SQL, for either dialect. */
export class SqlBallotRepository implements BallotRepository {
  constructor(private readonly db: SqlDialect) {}

  change<E>(
    roomId: string,
    voteId: string,
    memberId: string,
    change: BallotChange<E>,
    ifClosed: E,
  ): Promise<{ ok: true; value: StoredBallot } | { ok: false; error: E }> {
    const { closedVotes, voteBallots } = this.db.tables
    return this.db.write(function* () {
      yield* lock({ key: VOTE_LOCKS, name: voteId, shared: true })
      // Two casts by the same person (from any process) take turns: the second reads what the
      // first wrote, even when the first created the row. Held until the transaction ends.
      yield* lock({ key: BALLOT_LOCKS, name: `${voteId} ${memberId}` })
      // Read after the locks: a close that committed before them is seen.
      const [closed] = yield* rows((q) =>
        q
          .select({ voteId: closedVotes.voteId })
          .from(closedVotes)
          .where(eq(closedVotes.voteId, voteId)),
      )
      if (closed) return { ok: false as const, error: ifClosed }
      const [row] = yield* rows((q) =>
        q
          .select({ ballot: voteBallots.ballot })
          .from(voteBallots)
          .where(and(eq(voteBallots.voteId, voteId), eq(voteBallots.memberId, memberId))),
      )
      const next = change(row?.ballot ?? {})
      if (!next.ok) return next
      const values = { voteId, roomId, memberId, ballot: { ...next.value }, updatedAt: new Date() }
      yield* run((q) =>
        q
          .insert(voteBallots)
          .values(values)
          .onConflictDoUpdate({ target: [voteBallots.voteId, voteBallots.memberId], set: values }),
      )
      return next
    })
  }

  async find(voteId: string, memberId: string): Promise<StoredBallot> {
    const { voteBallots } = this.db.tables
    const [row] = await this.db.rows((q) =>
      q
        .select({ ballot: voteBallots.ballot })
        .from(voteBallots)
        .where(and(eq(voteBallots.voteId, voteId), eq(voteBallots.memberId, memberId))),
    )
    return row?.ballot ?? {}
  }

  async all(voteId: string): Promise<StoredBallot[]> {
    const { voteBallots } = this.db.tables
    const found = await this.db.rows((q) =>
      q
        .select({ ballot: voteBallots.ballot })
        .from(voteBallots)
        .where(eq(voteBallots.voteId, voteId)),
    )
    return found.map((row) => row.ballot)
  }

  close(roomId: string, voteId: string, at: Date): Promise<StoredBallot[]> {
    const { closedVotes, voteBallots } = this.db.tables
    return this.db.write(function* () {
      // Waits for the changes under way (they hold it shared); later ones wait for this commit.
      yield* lock({ key: VOTE_LOCKS, name: voteId })
      yield* run((q) =>
        q.insert(closedVotes).values({ voteId, roomId, closedAt: at }).onConflictDoNothing(),
      )
      // A statement after the lock: it sees every change committed before it was granted.
      const counted = yield* rows((q) =>
        q
          .select({ ballot: voteBallots.ballot })
          .from(voteBallots)
          .where(eq(voteBallots.voteId, voteId)),
      )
      return counted.map((row) => row.ballot)
    })
  }
}

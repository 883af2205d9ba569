import { and, eq, sql } from 'drizzle-orm'
import type { BallotChange, BallotRepository, StoredBallot } from './ballot-repository.js'
import type { AccordPgDb } from './pg-database.js'
import { noNul } from './schema-pg/columns.js'
import { closedVotes, voteBallots } from './schema-pg/index.js'

/** The first key of the advisory locks that serialize changes to one person's ballot. */
const BALLOT_LOCKS = 0x42616c6c // "Ball"
/**
 * The first key of the locks between a vote's ballots and its close: every change holds its
 * vote's lock shared, a close holds it alone. So a close waits for the changes under way, and
 * the changes after it see it.
 */
const VOTE_LOCKS = 0x566f7465 // "Vote"

export class PgBallotRepository implements BallotRepository {
  constructor(private readonly db: AccordPgDb) {}

  async change<E>(
    roomId: string,
    voteId: string,
    memberId: string,
    change: BallotChange<E>,
    ifClosed: E,
  ) {
    return this.db.transaction(async (tx) => {
      await tx.execute(
        sql`select pg_advisory_xact_lock_shared(${VOTE_LOCKS}, hashtext(${noNul(voteId)}))`,
      )
      // Two casts by the same person (from any process) take turns: the second reads what the
      // first wrote, even when the first created the row. Held until the transaction ends.
      const key = noNul(`${voteId} ${memberId}`)
      await tx.execute(sql`select pg_advisory_xact_lock(${BALLOT_LOCKS}, hashtext(${key}))`)
      // Read after the locks: a close that committed before them is seen.
      const [closed] = await tx
        .select({ voteId: closedVotes.voteId })
        .from(closedVotes)
        .where(eq(closedVotes.voteId, voteId))
      if (closed) return { ok: false as const, error: ifClosed }
      const [row] = await tx
        .select({ ballot: voteBallots.ballot })
        .from(voteBallots)
        .where(and(eq(voteBallots.voteId, voteId), eq(voteBallots.memberId, memberId)))
      const next = change(row?.ballot ?? {})
      if (!next.ok) return next
      const values = { voteId, roomId, memberId, ballot: { ...next.value }, updatedAt: new Date() }
      await tx
        .insert(voteBallots)
        .values(values)
        .onConflictDoUpdate({ target: [voteBallots.voteId, voteBallots.memberId], set: values })
      return next
    })
  }

  async find(voteId: string, memberId: string): Promise<StoredBallot> {
    const [row] = await this.db
      .select({ ballot: voteBallots.ballot })
      .from(voteBallots)
      .where(and(eq(voteBallots.voteId, voteId), eq(voteBallots.memberId, memberId)))
    return row?.ballot ?? {}
  }

  async all(voteId: string): Promise<StoredBallot[]> {
    const rows = await this.db
      .select({ ballot: voteBallots.ballot })
      .from(voteBallots)
      .where(eq(voteBallots.voteId, voteId))
    return rows.map((row) => row.ballot)
  }

  async close(roomId: string, voteId: string, at: Date): Promise<StoredBallot[]> {
    return this.db.transaction(async (tx) => {
      // Waits for the changes under way (they hold it shared); later ones wait for this commit.
      await tx.execute(sql`select pg_advisory_xact_lock(${VOTE_LOCKS}, hashtext(${noNul(voteId)}))`)
      await tx.insert(closedVotes).values({ voteId, roomId, closedAt: at }).onConflictDoNothing()
      // A statement after the lock: it sees every change committed before it was granted.
      const rows = await tx
        .select({ ballot: voteBallots.ballot })
        .from(voteBallots)
        .where(eq(voteBallots.voteId, voteId))
      return rows.map((row) => row.ballot)
    })
  }
}

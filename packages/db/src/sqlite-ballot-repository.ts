import { and, eq } from 'drizzle-orm'
import type { BallotChange, BallotRepository, StoredBallot } from './ballot-repository.js'
import type { AccordSqliteDb } from './sqlite-database.js'
import { closedVotes, voteBallots } from './schema/index.js'

export class SqliteBallotRepository implements BallotRepository {
  constructor(private readonly db: AccordSqliteDb) {}

  async change<E>(
    roomId: string,
    voteId: string,
    memberId: string,
    change: BallotChange<E>,
    ifClosed: E,
  ) {
    // better-sqlite3 transactions are synchronous: nothing else runs between read and write.
    return this.db.transaction((tx) => {
      const closed = tx
        .select({ voteId: closedVotes.voteId })
        .from(closedVotes)
        .where(eq(closedVotes.voteId, voteId))
        .get()
      if (closed) return { ok: false as const, error: ifClosed }
      const row = tx
        .select({ ballot: voteBallots.ballot })
        .from(voteBallots)
        .where(and(eq(voteBallots.voteId, voteId), eq(voteBallots.memberId, memberId)))
        .get()
      const next = change(row?.ballot ?? {})
      if (!next.ok) return next
      const values = { voteId, roomId, memberId, ballot: { ...next.value }, updatedAt: new Date() }
      tx.insert(voteBallots)
        .values(values)
        .onConflictDoUpdate({ target: [voteBallots.voteId, voteBallots.memberId], set: values })
        .run()
      return next
    })
  }

  async find(voteId: string, memberId: string): Promise<StoredBallot> {
    const row = this.db
      .select({ ballot: voteBallots.ballot })
      .from(voteBallots)
      .where(and(eq(voteBallots.voteId, voteId), eq(voteBallots.memberId, memberId)))
      .get()
    return row?.ballot ?? {}
  }

  async all(voteId: string): Promise<StoredBallot[]> {
    return this.db
      .select({ ballot: voteBallots.ballot })
      .from(voteBallots)
      .where(eq(voteBallots.voteId, voteId))
      .all()
      .map((row) => row.ballot)
  }

  async close(roomId: string, voteId: string, at: Date): Promise<StoredBallot[]> {
    return this.db.transaction((tx) => {
      tx.insert(closedVotes).values({ voteId, roomId, closedAt: at }).onConflictDoNothing().run()
      return tx
        .select({ ballot: voteBallots.ballot })
        .from(voteBallots)
        .where(eq(voteBallots.voteId, voteId))
        .all()
        .map((row) => row.ballot)
    })
  }
}

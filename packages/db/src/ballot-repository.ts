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

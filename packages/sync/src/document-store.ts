/**
 * Where rooms keep their documents. The sync engine only needs these three operations, so SQLite,
 * PostgreSQL and the in-memory store used by tests all sit behind this one interface (and one
 * contract test suite: `testing/document-store-contract.ts`).
 *
 * A stored document is a snapshot plus a log of updates appended after it. Sequence numbers
 * increase with every append; `compact` replaces everything up to a sequence number with a new
 * snapshot in one atomic step.
 */
export interface StoredDocument {
  readonly snapshot: Uint8Array | null
  /** Updates appended after the snapshot, oldest first. */
  readonly updates: readonly Uint8Array[]
  /** Sequence number of the last stored update (0 when none was ever stored). */
  readonly lastSeq: number
  /** Who each Yjs client id used in the room belongs to (`claimClientIds`). */
  readonly clientIds: ReadonlyMap<number, string>
}

export interface DocumentStore {
  /** The room's stored document, or `null` when no such room exists. */
  loadDocument(roomId: string): Promise<StoredDocument | null>
  /**
   * Durably appends updates, all or none, and returns the sequence number of the last one.
   * Resolves only once the updates would survive a crash of this process.
   */
  appendUpdates(roomId: string, updates: readonly Uint8Array[]): Promise<number>
  /**
   * Atomically stores `snapshot` and deletes every update with a sequence number up to
   * `throughSeq`. The snapshot must contain everything those updates contained.
   */
  compact(roomId: string, snapshot: Uint8Array, throughSeq: number): Promise<void>
  /**
   * Folds the stored log into a new snapshot in one atomic step: reads the snapshot and the
   * updates, stores `merge([snapshot, ...updates])` as the snapshot and deletes exactly the
   * updates it read; does nothing when there are none. Unlike `compact` it needs no in-memory
   * document, so it stays safe while other processes append to the same room (a relay).
   */
  compactStored(roomId: string, merge: (parts: readonly Uint8Array[]) => Uint8Array): Promise<void>
  /**
   * Durably records who Yjs client ids belong to (a principal: who a connection speaks for), so
   * that a restart does not leave them to whoever uses them first. An id keeps its first owner.
   */
  claimClientIds(roomId: string, claims: ReadonlyMap<number, string>): Promise<void>
}

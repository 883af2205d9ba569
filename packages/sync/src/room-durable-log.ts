/**
 * A room's durable update log (SPEC.md S1, S2, S6). The *effective* updates the room applied are
 * queued; once per event-loop turn — or spaced under the room's frame budget (A5) — the queue is
 * appended to storage in one write (group commit), the owners of new client ids first (R6). Only
 * after that write resolves is the batch handed to the relay (`room-peers.ts`). The log is
 * compacted into a snapshot in the background.
 */
import * as Y from 'yjs'
import type { ClientIdOwners } from './client-ids.js'
import { type CompactionPolicy, shouldCompact } from './compaction-policy.js'
import type { DocumentStore } from './document-store.js'
import { FlushPacer, type PacerClock } from './flush-pacer.js'
import { loadDocument } from './load-document.js'
import type { Logger } from './logger.js'
import type { RoomPeers } from './room-peers.js'
import type { RoomRelayLink } from './room-relay-link.js'
import type { StoredSize } from './stored-size.js'

export interface DurableLogOptions {
  readonly roomId: string
  readonly doc: Y.Doc
  readonly store: DocumentStore
  readonly logger: Logger
  readonly compaction: CompactionPolicy
  /** The sequence number of the last update stored when the room was loaded. */
  readonly lastSeq: number
  readonly clientIds: ClientIdOwners
  readonly size: StoredSize
  /** Where stored batches are relayed; its size is what a flush takes from the frame budget. */
  readonly peers: RoomPeers
  readonly link: RoomRelayLink | undefined
  /** The room's frame budget (`RoomOptions.framesPerSecond`, 0: every turn) and its clock. */
  readonly framesPerSecond: number
  readonly clock: PacerClock
  /** False once the room is broken: nothing more is stored. */
  isLive(): boolean
  /** Storage failed: the room can no longer be trusted. */
  fail(reason: string): void
}

interface PendingUpdate {
  readonly update: Uint8Array
  readonly origin: unknown
}

export class DurableLog {
  private readonly options: DurableLogOptions
  private unpersisted: PendingUpdate[] = []
  private unpersistedBytes = 0
  /** When stored edits go out: each turn, or spaced under a frame budget. */
  private readonly editPacer: FlushPacer
  private compactionScheduled = false
  /** Every storage operation is chained here, so appends and compactions never overlap. */
  private writes: Promise<void> = Promise.resolve()
  private lastSeq: number

  constructor(options: DurableLogOptions) {
    this.options = options
    this.lastSeq = options.lastSeq
    this.editPacer = new FlushPacer(options.framesPerSecond, this.flushEdits, options.clock)
  }

  /** Bytes applied to the document and not yet handed to storage. */
  get queuedBytes(): number {
    return this.unpersistedBytes
  }

  /** Queues an update the room applied (not one relayed from another instance) for storage. */
  queue(update: Uint8Array, origin: unknown): void {
    this.unpersisted.push({ update, origin })
    this.unpersistedBytes += update.byteLength
    // Stored before the content, in the same flush: owners go first (`persist`).
    this.options.clientIds.noteServerWrites(this.options.doc)
    this.schedule()
  }

  /** Something is waiting to be stored (an update, or only a client-id claim): flush it soon. */
  schedule(): void {
    this.editPacer.schedule(this.options.peers.size)
  }

  /** Resolves once every update applied so far is durably stored. */
  flushed(): Promise<void> {
    this.flushEdits()
    return this.writes
  }

  /** Flushes, then folds the update log into a snapshot. Used before unloading. */
  async flushAndCompact(): Promise<void> {
    await this.flushed()
    this.writes = this.writes.then(() => this.compact())
    await this.writes
  }

  /** Drops a waiting flush for good (the room is closing). */
  stop(): void {
    this.editPacer.stop()
  }

  /** Drops everything not yet stored (the room is broken: none of it was relayed). */
  discard(): void {
    this.unpersisted = []
    this.unpersistedBytes = 0
  }

  private readonly flushEdits = (): void => {
    if (this.unpersisted.length > 0 || this.options.clientIds.hasUnstored) this.startFlush()
  }

  private startFlush(): void {
    const batch = this.unpersisted
    const claims = this.options.clientIds.takeUnstored()
    this.unpersisted = []
    this.unpersistedBytes = 0
    this.writes = this.writes.then(() => this.persist(batch, claims))
  }

  private async persist(
    batch: readonly PendingUpdate[],
    claims: ReadonlyMap<number, string>,
  ): Promise<void> {
    if (!this.options.isLive()) return
    const { store, roomId } = this.options
    let seq: number
    try {
      // Owners first: content under a claimed id is never stored while its owner is not.
      if (claims.size > 0) await store.claimClientIds(roomId, claims)
      if (batch.length === 0) return
      seq = await store.appendUpdates(
        roomId,
        batch.map((entry) => entry.update),
      )
    } catch (error) {
      this.options.logger.error('storage write failed', { room: roomId, error: String(error) })
      this.options.fail('storage unavailable')
      return
    }
    this.lastSeq = seq
    this.options.size.appended(batch.map((entry) => entry.update))
    this.options.peers.relayStored(batch, claims)
    if (shouldCompact(this.options.size.log, this.options.compaction)) this.scheduleCompaction()
  }

  private scheduleCompaction(): void {
    if (this.compactionScheduled) return
    this.compactionScheduled = true
    // A timer, not the current turn: relaying comes first, compaction happens in the background.
    setTimeout(() => {
      this.compactionScheduled = false
      this.writes = this.writes.then(() => this.compact())
    }, 0)
  }

  private async compact(): Promise<void> {
    const { size, link, roomId } = this.options
    if (!this.options.isLive() || size.log.updates === 0) return
    if (link) return this.compactStored(link)
    // The document may already hold applied-but-unflushed updates: a snapshot with more than the
    // log is safe (Yjs updates are idempotent); deleting only up to `lastSeq` keeps the rest.
    const snapshot = Y.encodeStateAsUpdate(this.options.doc)
    try {
      await this.options.store.compact(roomId, snapshot, this.lastSeq)
    } catch (error) {
      // Not fatal: the log is intact and a later compaction will try again.
      this.options.logger.warn('compaction failed', { room: roomId, error: String(error) })
      return
    }
    size.compacted(snapshot.byteLength)
  }

  /**
   * With other instances appending to the same room, "everything up to my last seq" may include
   * an update of theirs that the relay has not brought here yet: compacting this document would
   * delete it without it being in the snapshot. So the snapshot is built from what is stored,
   * inside the storage transaction that replaces it (X5).
   */
  private async compactStored(link: RoomRelayLink): Promise<void> {
    const { size, roomId, logger } = this.options
    // Set inside the callback, where control-flow analysis cannot see it.
    let snapshotBytes = null as number | null
    try {
      await this.options.store.compactStored(roomId, (parts) => {
        const doc = loadDocument(
          { snapshot: null, updates: parts, lastSeq: 0, clientIds: new Map() },
          logger,
          roomId,
        )
        const snapshot = Y.encodeStateAsUpdate(doc)
        doc.destroy()
        snapshotBytes = snapshot.byteLength
        return snapshot
      })
    } catch (error) {
      logger.warn('compaction failed', { room: roomId, error: String(error) })
      return
    }
    // Nothing to fold: another instance compacted everything this one appended.
    if (snapshotBytes === null) return size.compacted(size.log.snapshotBytes)
    size.compacted(snapshotBytes)
    link.publishCompacted(snapshotBytes)
  }
}

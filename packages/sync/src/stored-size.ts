/**
 * What a room knows of its stored size. Two figures with two uses:
 *
 * - `log`: the snapshot and what this instance appended after it — when to compact (S6). Only
 *   this instance's own appends count, so that instances sharing a room do not all compact the
 *   same log at once.
 * - `total`: everything stored, as far as this instance can tell — the bound on a document's size
 *   (B2). With a relay it also counts what other instances stored since (X7): their relayed
 *   updates, until a compaction (this instance's or another's, announced on the relay) replaces
 *   the log with a snapshot of known size, or a re-read from storage measures it.
 */
import type { LogSize } from './compaction-policy.js'
import type { StoredDocument } from './document-store.js'

export class StoredSize {
  private own: LogSize
  /**
   * What `total` holds beyond `own`: bytes other instances stored since. Negative after a re-read
   * found less stored than this instance counted (another instance compacted meanwhile).
   */
  private elsewhere = 0

  constructor(stored: StoredDocument) {
    this.own = {
      updates: stored.updates.length,
      bytes: sumBytes(stored.updates),
      snapshotBytes: stored.snapshot?.byteLength ?? 0,
    }
  }

  /** The snapshot and this instance's appends after it: what the compaction policy looks at. */
  get log(): LogSize {
    return this.own
  }

  /** Bytes stored for the room (snapshot and log), as far as this instance knows. */
  get total(): number {
    return this.own.snapshotBytes + this.own.bytes + this.elsewhere
  }

  /** This instance appended `updates`. */
  appended(updates: readonly Uint8Array[]): void {
    this.own = {
      ...this.own,
      updates: this.own.updates + updates.length,
      bytes: this.own.bytes + sumBytes(updates),
    }
  }

  /** Another instance stored an update of `bytes` (it was relayed here). */
  storedElsewhere(bytes: number): void {
    this.elsewhere += bytes
  }

  /** The stored log was folded into a snapshot of `snapshotBytes`, here or elsewhere. */
  compacted(snapshotBytes: number): void {
    this.own = { updates: 0, bytes: 0, snapshotBytes }
    this.elsewhere = 0
  }

  /** The room was just read from storage: `total` is what it holds now. */
  reread(stored: StoredDocument): void {
    const measured = (stored.snapshot?.byteLength ?? 0) + sumBytes(stored.updates)
    this.elsewhere = measured - this.own.snapshotBytes - this.own.bytes
  }
}

const sumBytes = (updates: readonly Uint8Array[]): number =>
  updates.reduce((sum, update) => sum + update.byteLength, 0)

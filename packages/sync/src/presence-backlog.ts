/**
 * Presence for peers that do not keep up. Only the newest state of each person matters, so a peer
 * whose connection already has frames waiting unsent is not sent every change as it comes: the
 * room notes which people changed and, once the peer's connection has drained, sends their states
 * as they are then, in one message (removals included: a person who left is sent as gone). A
 * presence flood then costs a slow reader one message per drain instead of a queue that grows
 * with the flood, in memory and in writes. Edits are never held back this way: every update is
 * sent (and `ACCORD_MAX_UNSENT_BYTES` bounds what waits).
 */

/** What a connection tells about frames waiting to be written to it. */
export interface Backpressure {
  /** Frames already wait unsent: more now would only queue behind them. */
  backedUp(): boolean
  /** Calls `callback` once, when everything waiting has been sent. */
  onceDrained(callback: () => void): void
}

export interface PresenceBacklogOptions<P> {
  /** Sends `peer` the current presence of `clientIds` (changed while it was backed up). */
  readonly sendOwed: (peer: P, clientIds: readonly number[]) => void
}

export class PresenceBacklog<P> {
  /** Peers waiting to drain, and whose presence changed meanwhile. */
  private readonly owed = new Map<P, Set<number>>()
  private readonly sendOwed: (peer: P, clientIds: readonly number[]) => void

  constructor(options: PresenceBacklogOptions<P>) {
    this.sendOwed = options.sendOwed
  }

  /**
   * Whether a presence message about `changed` may be sent to `peer` now. When it may not, the
   * change is owed to the peer until its connection drains.
   */
  offer(peer: P, pressure: Backpressure | undefined, changed: readonly number[]): boolean {
    const owed = this.owed.get(peer)
    if (owed !== undefined) {
      for (const clientId of changed) owed.add(clientId)
      return false
    }
    if (pressure === undefined || !pressure.backedUp()) return true
    this.owed.set(peer, new Set(changed))
    pressure.onceDrained(() => {
      const clientIds = this.owed.get(peer)
      // Forgotten meanwhile: the peer left.
      if (clientIds === undefined) return
      this.owed.delete(peer)
      this.sendOwed(peer, [...clientIds])
    })
    return false
  }

  /** The peer left: nothing is owed to it any more. */
  forget(peer: P): void {
    this.owed.delete(peer)
  }

  /** How many peers presence is being held back for. */
  get waiting(): number {
    return this.owed.size
  }
}

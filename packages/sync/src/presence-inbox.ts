/**
 * Presence a room's peers sent, waiting to be applied — fairly. Applying a presence state costs
 * far more than receiving it (stamping, y-protocols' own parse and comparison, the relay), and a
 * stock client may send one per mouse move: 150 connections at 190 a second took a core and
 * slowed every other room. So:
 *
 * - only each peer's latest state waits: a newer one replaces it (presence is a state, not a log);
 * - at most `perTurn` states are applied per room per event-loop turn, oldest waiting first; the
 *   rest wait for the next turn, so other rooms' messages are handled in between;
 * - with `perSecond`, a peer's state is applied at most that often; one sent sooner waits (and is
 *   replaced by anything newer) until its time.
 */
import type { AwarenessEntry } from './awareness-update.js'
import type { PacerClock } from './flush-pacer.js'

/** States applied per room per turn: a few milliseconds of work. */
export const defaultPresencePerTurn = 64

export interface PresenceInboxOptions<P> {
  readonly apply: (peer: P, entry: AwarenessEntry) => void
  readonly clock: PacerClock
  readonly perTurn?: number
  /** States applied per peer per second at most; unlimited when omitted or 0. */
  readonly perSecond?: number
}

export class PresenceInbox<P> {
  /** The latest state of each peer, in the order peers started waiting (a Map keeps it). */
  private readonly waiting = new Map<P, AwarenessEntry>()
  /** When each peer may next have a state applied (only with `perSecond`); one entry per peer. */
  private readonly nextAt = new Map<P, number>()
  private readonly perTurn: number
  private readonly intervalMs: number
  private scheduled = false
  private cancelTimer: (() => void) | null = null
  private stopped = false

  constructor(private readonly options: PresenceInboxOptions<P>) {
    this.perTurn = options.perTurn ?? defaultPresencePerTurn
    this.intervalMs = options.perSecond ? 1000 / options.perSecond : 0
  }

  put(peer: P, entry: AwarenessEntry): void {
    if (this.stopped) return
    this.waiting.set(peer, entry)
    this.schedule()
  }

  /** The peer left: whatever it sent and has not been applied is dropped. */
  forget(peer: P): void {
    this.waiting.delete(peer)
    this.nextAt.delete(peer)
  }

  stop(): void {
    this.stopped = true
    this.waiting.clear()
    this.cancelTimer?.()
    this.cancelTimer = null
  }

  /** A drain at the end of this turn; it replaces one waiting for a peer's next slot. */
  private schedule(): void {
    if (this.scheduled) return
    this.cancelTimer?.()
    this.cancelTimer = null
    this.scheduled = true
    this.options.clock.defer(this.drain)
  }

  private readonly drain = (): void => {
    this.scheduled = false
    this.cancelTimer = null
    if (this.stopped) return
    const now = this.options.clock.now()
    let applied = 0
    let earliest = Infinity
    for (const [peer, entry] of this.waiting) {
      if (applied >= this.perTurn) {
        earliest = now
        break
      }
      const due = this.nextAt.get(peer) ?? 0
      if (due > now) {
        earliest = Math.min(earliest, due)
        continue
      }
      this.waiting.delete(peer)
      if (this.intervalMs > 0) this.nextAt.set(peer, now + this.intervalMs)
      applied++
      this.options.apply(peer, entry)
    }
    if (this.waiting.size === 0 || this.stopped) return
    if (earliest <= now) return this.schedule()
    this.cancelTimer = this.options.clock.after(earliest - now, this.drain)
  }
}

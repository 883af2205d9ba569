/**
 * Paces a room's broadcasts so that the frames it sends per second stay within a budget.
 *
 * Every flush sends one frame to each peer, so flushing every event-loop turn costs (changes per
 * second × peers) frames: 500 people moving their cursors once a second is 250,000 frames a
 * second, more than a core can write. The pacer is a token bucket of frames: a flush to N peers
 * takes N, the bucket refills at the budget and holds a tenth of a second of it, so bursts pass.
 * While the room stays under its budget nothing waits — a flush runs at the end of the turn, as
 * before; over it, the next flush waits until the bucket holds enough, and everything that
 * changed meanwhile goes out merged in it.
 */
export interface PacerClock {
  readonly now: () => number
  /** Runs a task at the end of the current event-loop turn. */
  readonly defer: (task: () => void) => void
  /** Runs a task after `ms` milliseconds; returns a cancel function. */
  readonly after: (ms: number, task: () => void) => () => void
}

export const systemClock: PacerClock = {
  now: () => performance.now(),
  defer: (task) => setImmediate(task),
  after: (ms, task) => {
    const timer = setTimeout(task, ms)
    return () => clearTimeout(timer)
  },
}

/** How much of a second's budget the bucket holds: bursts up to it are never delayed. */
const BURST_SECONDS = 0.1

export class FlushPacer {
  private credit: number
  private creditAt: number
  private scheduled = false
  private cancelTimer: (() => void) | null = null
  private stopped = false
  /** Recipients of the flush that is waiting: what it will take from the bucket. */
  private recipients = 0

  /**
   * @param framesPerSecond the room's budget of frames per second (0: unpaced — every turn)
   * @param flush sends what accumulated; called at most once per scheduled flush
   */
  constructor(
    private readonly framesPerSecond: number,
    private readonly flush: () => void,
    private readonly clock: PacerClock = systemClock,
  ) {
    this.credit = framesPerSecond * BURST_SECONDS
    this.creditAt = clock.now()
  }

  /** Something changed for `peers` recipients: flush at the end of this turn or when allowed. */
  schedule(peers: number): void {
    if (this.scheduled || this.stopped) return
    this.scheduled = true
    this.recipients = peers
    const wait = this.waitFor(peers)
    if (wait <= 0) this.clock.defer(this.run)
    else this.cancelTimer = this.clock.after(wait, this.run)
  }

  /** Drops a waiting flush for good (the room is closing). */
  stop(): void {
    this.stopped = true
    this.cancelTimer?.()
    this.cancelTimer = null
  }

  /** Milliseconds until a flush to `peers` recipients fits the budget (0: now). */
  private waitFor(peers: number): number {
    if (this.framesPerSecond <= 0) return 0
    this.refill(peers)
    const missing = peers - this.credit
    return missing <= 0 ? 0 : (missing * 1000) / this.framesPerSecond
  }

  private refill(peers: number): void {
    const now = this.clock.now()
    // A flush to more peers than a burst holds must still fit once the bucket is full.
    const capacity = Math.max(peers, this.framesPerSecond * BURST_SECONDS)
    this.credit = Math.min(
      capacity,
      this.credit + ((now - this.creditAt) * this.framesPerSecond) / 1000,
    )
    this.creditAt = now
  }

  private readonly run = (): void => {
    this.scheduled = false
    this.cancelTimer = null
    if (this.stopped) return
    if (this.framesPerSecond > 0) {
      this.refill(this.recipients)
      this.credit -= this.recipients
    }
    this.flush()
  }
}

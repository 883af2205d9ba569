/**
 * Paces a room's broadcasts so that the frames it sends per second stay within a budget.
 *
 * Every flush sends one frame to each peer, so flushing every event-loop turn costs (changes per
 * second × peers) frames: 500 people moving their cursors once a second is 250,000 frames a
 * second, more than a core can write. Spacing flushes at least `peers / budget` apart keeps the
 * frames at or under the budget whatever the room's size. Below the budget nothing waits — a flush
 * runs at the end of the turn, as before — and above it changes wait for the next allowed flush and
 * go out merged, at most `peers / budget` seconds later (10 ms for 500 peers at 50,000 a second).
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

export class FlushPacer {
  private lastFlushAt = Number.NEGATIVE_INFINITY
  private scheduled = false
  private cancelTimer: (() => void) | null = null
  private stopped = false

  /**
   * @param framesPerSecond the room's budget of frames per second (0: unpaced — every turn)
   * @param flush sends what accumulated; called at most once per scheduled flush
   */
  constructor(
    private readonly framesPerSecond: number,
    private readonly flush: () => void,
    private readonly clock: PacerClock = systemClock,
  ) {}

  /** Something changed for `peers` recipients: flush at the end of this turn or when allowed. */
  schedule(peers: number): void {
    if (this.scheduled || this.stopped) return
    this.scheduled = true
    const wait = this.lastFlushAt + this.spacing(peers) - this.clock.now()
    if (wait <= 0) this.clock.defer(this.run)
    else this.cancelTimer = this.clock.after(wait, this.run)
  }

  /** Drops a waiting flush for good (the room is closing). */
  stop(): void {
    this.stopped = true
    this.cancelTimer?.()
    this.cancelTimer = null
  }

  /** The shortest time between two flushes to `peers` recipients, in milliseconds. */
  spacing(peers: number): number {
    return this.framesPerSecond > 0 ? (peers * 1000) / this.framesPerSecond : 0
  }

  private readonly run = (): void => {
    this.scheduled = false
    this.cancelTimer = null
    if (this.stopped) return
    this.lastFlushAt = this.clock.now()
    this.flush()
  }
}

/**
 * A token bucket: `burst` tokens to start with, refilled at `perSecond`. Each message takes one;
 * an empty bucket means the sender is faster than allowed. Honest clients send in bursts (a
 * reconnect, a paste) and then settle, which the burst absorbs; a flood empties it in a moment.
 */
export interface RateLimit {
  readonly perSecond: number
  readonly burst: number
}

export class TokenBucket {
  private tokens: number
  private refilledAt: number

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = limit.burst
    this.refilledAt = now()
  }

  /** Takes one token; false when none is left (the caller refuses the message). */
  take(): boolean {
    const now = this.now()
    const elapsedSeconds = Math.max(0, now - this.refilledAt) / 1000
    this.tokens = Math.min(this.limit.burst, this.tokens + elapsedSeconds * this.limit.perSecond)
    this.refilledAt = now
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }
}

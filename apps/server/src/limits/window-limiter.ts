/**
 * Counts events per client (an IP address) in fixed windows — wrong access keys, rooms created —
 * and after `limit` of them a client waits until its window ends. In memory, bounded: the oldest
 * clients are forgotten first.
 */
export class WindowLimiter {
  private readonly clients = new Map<string, { count: number; resetAt: number }>()

  constructor(
    private readonly options: {
      readonly limit: number
      readonly windowMs: number
      readonly now: () => number
      readonly maxClients?: number
    },
  ) {}

  /** Seconds until `client` may try again; 0 when it may now. */
  retryAfterSeconds(client: string): number {
    const entry = this.clients.get(client)
    const now = this.options.now()
    if (!entry || entry.resetAt <= now || entry.count < this.options.limit) return 0
    return Math.max(1, Math.ceil((entry.resetAt - now) / 1000))
  }

  count(client: string): void {
    const now = this.options.now()
    const entry = this.clients.get(client)
    if (entry && entry.resetAt > now) {
      entry.count++
      return
    }
    this.clients.delete(client)
    this.clients.set(client, { count: 1, resetAt: now + this.options.windowMs })
    this.prune(now)
  }

  private prune(now: number): void {
    const max = this.options.maxClients ?? 10_000
    if (this.clients.size <= max) return
    for (const [client, entry] of this.clients)
      if (entry.resetAt <= now) this.clients.delete(client)
    // Still too many: forget the clients whose windows started first.
    for (const client of this.clients.keys()) {
      if (this.clients.size <= max) break
      this.clients.delete(client)
    }
  }
}

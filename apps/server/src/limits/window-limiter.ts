import type { WindowLimiter } from './limiters.js'

/**
 * Counts events per client in fixed windows, in memory and bounded: the oldest clients are
 * forgotten first. After `limit` events a client waits until its window ends.
 */
export class MemoryWindowLimiter implements WindowLimiter {
  private readonly clients = new Map<string, { count: number; resetAt: number }>()

  constructor(
    private readonly options: {
      readonly limit: number
      readonly windowMs: number
      readonly now: () => number
      readonly maxClients?: number
    },
  ) {}

  take(client: string): Promise<number> {
    const now = this.options.now()
    const entry = this.clients.get(client)
    if (entry && entry.resetAt > now) {
      if (entry.count >= this.options.limit) {
        return Promise.resolve(Math.max(1, Math.ceil((entry.resetAt - now) / 1000)))
      }
      entry.count++
      return Promise.resolve(0)
    }
    this.clients.delete(client)
    this.clients.set(client, { count: 1, resetAt: now + this.options.windowMs })
    this.prune(now)
    return Promise.resolve(0)
  }

  refund(client: string): Promise<void> {
    const entry = this.clients.get(client)
    if (entry && entry.count > 0) entry.count--
    return Promise.resolve()
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

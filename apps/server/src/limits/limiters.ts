/**
 * Where rate limits are counted: in this process (one instance), or in Redis for every instance
 * (`REDIS_URL`, `scale-out/redis-limits.ts`) — so that N instances do not allow N times each.
 * One contract suite runs against both (`testing/limiters-contract.ts`).
 */
import { MemoryAddressConnections } from './address-connections.js'
import { MemoryWindowLimiter } from './window-limiter.js'

/** Events per client (an address) in fixed windows: wrong access keys, rooms created. */
export interface WindowLimiter {
  /**
   * Counts one event for `client`, unless it has had its limit this window: 0 when counted,
   * else the seconds until it may try again (and nothing is counted). Counting first, before the
   * attempt, keeps attempts started together from all passing a check made before any counted.
   */
  take(client: string): Promise<number>
  /** Gives back an event `take` counted that turned out not to count (a right key, a 400). */
  refund(client: string): Promise<void>
}

/** Live sync connections per client address. */
export interface AddressConnections {
  /** Counts a connection from `address` unless `limit` are open already; false when refused. */
  tryAdd(address: string, limit: number): Promise<boolean>
  /** Forgets one counted connection from `address`. */
  remove(address: string): void
}

export interface Limiters {
  /** A limiter for one kind of event (`name`): at most `limit` per client per `windowMs`. */
  window(
    name: string,
    options: { readonly limit: number; readonly windowMs: number },
  ): WindowLimiter
  readonly connections: AddressConnections
}

/** Every count in this process: the bounds hold per instance. */
export function memoryLimiters(now: () => number = Date.now): Limiters {
  // One count per kind of event, however many times it is asked for.
  const windows = new Map<string, MemoryWindowLimiter>()
  return {
    window(name, options) {
      let limiter = windows.get(name)
      if (!limiter) windows.set(name, (limiter = new MemoryWindowLimiter({ ...options, now })))
      return limiter
    },
    connections: new MemoryAddressConnections(),
  }
}

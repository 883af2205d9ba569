import { err, ok, type Result } from '@accord/sync'

/** Which bound a new sync connection would pass. */
export type ConnectionRefusal = 'room-full' | 'address-full'

/**
 * Counts live sync connections per room and per client address, so that one busy room or one
 * address cannot take every socket the server has. Bounds are `null` when off.
 */
export class ConnectionLimits {
  private readonly perRoom = new Map<string, number>()
  private readonly perAddress = new Map<string, number>()

  constructor(
    private readonly limits: {
      readonly perRoom: number | null
      readonly perAddress: number | null
    },
  ) {}

  /**
   * Counts a new connection, unless it would pass a bound. On success returns the function to
   * call once when the connection closes (calling it again does nothing).
   */
  admit(roomId: string, address: string): Result<() => void, ConnectionRefusal> {
    if (reached(this.perRoom, roomId, this.limits.perRoom)) return err('room-full')
    if (reached(this.perAddress, address, this.limits.perAddress)) return err('address-full')
    increment(this.perRoom, roomId, 1)
    increment(this.perAddress, address, 1)
    let released = false
    return ok(() => {
      if (released) return
      released = true
      increment(this.perRoom, roomId, -1)
      increment(this.perAddress, address, -1)
    })
  }
}

function reached(counts: Map<string, number>, key: string, limit: number | null): boolean {
  return limit !== null && (counts.get(key) ?? 0) >= limit
}

/** Adds to a count, forgetting keys that drop to zero so the maps hold only live connections. */
function increment(counts: Map<string, number>, key: string, by: number): void {
  const next = (counts.get(key) ?? 0) + by
  if (next <= 0) counts.delete(key)
  else counts.set(key, next)
}

import { err, ok, type Result } from '@accord/sync'
import type { AddressConnections } from './limiters.js'

/** Which bound a new sync connection would pass. */
export type ConnectionRefusal = 'room-full' | 'address-full'

/**
 * Counts live sync connections per room and per client address, so that one busy room or one
 * address cannot take every socket the server has. Bounds are `null` when off. Rooms are counted
 * per instance (each instance's own capacity); addresses where `addresses` counts them — in Redis
 * under scale-out, so the bound holds across every instance.
 */
export class ConnectionLimits {
  private readonly perRoom = new Map<string, number>()

  constructor(
    private readonly limits: {
      readonly perRoom: number | null
      readonly perAddress: number | null
    },
    private readonly addresses: AddressConnections,
  ) {}

  /**
   * Counts a new connection, unless it would pass a bound. On success returns the function to
   * call once when the connection closes (calling it again does nothing).
   */
  async admit(roomId: string, address: string): Promise<Result<() => void, ConnectionRefusal>> {
    const { perRoom, perAddress } = this.limits
    if (perRoom !== null && (this.perRoom.get(roomId) ?? 0) >= perRoom) return err('room-full')
    // Counted before waiting for the address count: connections arriving meanwhile see it.
    increment(this.perRoom, roomId, 1)
    if (perAddress !== null && !(await this.addresses.tryAdd(address, perAddress))) {
      increment(this.perRoom, roomId, -1)
      return err('address-full')
    }
    let released = false
    return ok(() => {
      if (released) return
      released = true
      increment(this.perRoom, roomId, -1)
      if (perAddress !== null) this.addresses.remove(address)
    })
  }
}

/** Adds to a count, forgetting keys that drop to zero so the map holds only live connections. */
function increment(counts: Map<string, number>, key: string, by: number): void {
  const next = (counts.get(key) ?? 0) + by
  if (next <= 0) counts.delete(key)
  else counts.set(key, next)
}

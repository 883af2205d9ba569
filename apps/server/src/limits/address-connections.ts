import type { AddressConnections } from './limiters.js'

/** Live connections per address in this process; addresses with none are forgotten. */
export class MemoryAddressConnections implements AddressConnections {
  private readonly counts = new Map<string, number>()

  tryAdd(address: string, limit: number): Promise<boolean> {
    const count = this.counts.get(address) ?? 0
    if (count >= limit) return Promise.resolve(false)
    this.counts.set(address, count + 1)
    return Promise.resolve(true)
  }

  remove(address: string): void {
    const next = (this.counts.get(address) ?? 0) - 1
    if (next <= 0) this.counts.delete(address)
    else this.counts.set(address, next)
  }

  /** This process's count for `address`. */
  count(address: string): number {
    return this.counts.get(address) ?? 0
  }

  /** Every address with a live connection, and how many. */
  entries(): IterableIterator<[string, number]> {
    return this.counts.entries()
  }
}

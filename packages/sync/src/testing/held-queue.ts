import type { Backpressure } from '../presence-backlog.js'

/** A connection's write queue that a test fills (`full`) and drains (`drain()`). */
export class HeldQueue implements Backpressure {
  full = false
  private drained: (() => void)[] = []

  backedUp(): boolean {
    return this.full
  }

  onceDrained(callback: () => void): void {
    this.drained.push(callback)
  }

  drain(): void {
    this.full = false
    for (const callback of this.drained.splice(0)) callback()
  }
}

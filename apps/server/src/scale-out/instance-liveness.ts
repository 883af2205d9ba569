/**
 * Which other instances are alive, judged by what this one hears of them on the relay: each
 * publishes a heartbeat every `heartbeatMs` (and any message it publishes counts too). One not
 * heard from for `MISSED_HEARTBEATS` heartbeats is gone — killed, or cut off from Redis — and
 * the presence it relayed is removed everywhere (SPEC.md X6), long before y-protocols' 30 s.
 *
 * Heartbeats are counted on the relay's clock, not this process's: the one that advances is this
 * instance's own heartbeat, heard back through the relay (`heardSelf`). A stall of this process
 * (CPU starvation, a long GC) or of Redis holds back its own heartbeats as much as everyone
 * else's, so nobody looks silent because this instance could not read; and while it cannot hear
 * at all (its subscribe connection is down) or cannot send, the clock stops.
 */
export const MISSED_HEARTBEATS = 3

export class InstanceLiveness {
  /** The relay's clock (`beats`) when each instance was last heard. */
  private readonly lastHeard = new Map<string, number>()
  private beats = 0

  heard(instance: string): void {
    this.lastHeard.set(instance, this.beats)
  }

  /** This instance's own heartbeat came back through the relay: one heartbeat has passed. */
  heardSelf(): void {
    this.beats++
  }

  /** The instances silent for too long; each is forgotten (alive again once heard again). */
  takeSilent(): string[] {
    const silent: string[] = []
    for (const [instance, at] of this.lastHeard) {
      if (this.beats - at <= MISSED_HEARTBEATS) continue
      this.lastHeard.delete(instance)
      silent.push(instance)
    }
    return silent
  }
}

/**
 * Which other instances are alive, judged by what this one hears of them on the relay: each
 * publishes a heartbeat every `heartbeatMs` (and any message it publishes counts too). One not
 * heard from for `MISSED_HEARTBEATS` heartbeats is gone — killed, or cut off from Redis — and
 * the presence it relayed is removed everywhere (SPEC.md X6), long before y-protocols' 30 s.
 *
 * While this instance cannot hear anyone (its own subscribe connection is down) silence proves
 * nothing: `deafUntilNow` restarts everyone's clock when it hears again.
 */
export const MISSED_HEARTBEATS = 3

export class InstanceLiveness {
  private readonly lastHeard = new Map<string, number>()
  private readonly timeoutMs: number

  constructor(
    heartbeatMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.timeoutMs = heartbeatMs * MISSED_HEARTBEATS
  }

  heard(instance: string): void {
    this.lastHeard.set(instance, this.now())
  }

  /** The instances silent for too long; each is forgotten (alive again once heard again). */
  takeSilent(): string[] {
    const now = this.now()
    const silent: string[] = []
    for (const [instance, at] of this.lastHeard) {
      if (now - at <= this.timeoutMs) continue
      this.lastHeard.delete(instance)
      silent.push(instance)
    }
    return silent
  }

  /** This instance could not hear for a while: nobody's silence until now counts. */
  deafUntilNow(): void {
    const now = this.now()
    for (const instance of this.lastHeard.keys()) this.lastHeard.set(instance, now)
  }
}

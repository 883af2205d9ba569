/**
 * A seeded pseudo-random generator (mulberry32): the same seed gives the same run, so any failure
 * of the hostile-update fuzzer replays from its seed alone.
 */
export class Rng {
  private state: number

  constructor(seed: number) {
    this.state = seed >>> 0
  }

  uint32(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0)
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return (t ^ (t >>> 14)) >>> 0
  }

  /** An integer in [0, bound). */
  int(bound: number): number {
    return Math.floor((this.uint32() / 0x1_0000_0000) * bound)
  }

  chance(probability: number): boolean {
    return this.uint32() / 0x1_0000_0000 < probability
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from nothing')
    return items[this.int(items.length)]!
  }

  /** One of the weighted choices. */
  weighted<T>(choices: readonly (readonly [number, T])[]): T {
    const total = choices.reduce((sum, [weight]) => sum + weight, 0)
    let at = this.int(total)
    for (const [weight, value] of choices) {
      if (at < weight) return value
      at -= weight
    }
    return choices[choices.length - 1]![1]
  }
}

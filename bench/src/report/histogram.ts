/**
 * A latency histogram with 1 % relative precision: bucket `i` holds values in
 * [GROWTH^i, GROWTH^(i+1)) microseconds. Millions of samples cost a few KB, two histograms merge
 * by adding their buckets, and it crosses the generator's IPC channel as plain JSON.
 */
const GROWTH = 1.01
const LOG_GROWTH = Math.log(GROWTH)
/** 1 µs to ~10^5 s: anything slower is clamped into the last bucket (the exact max is kept). */
const BUCKETS = Math.ceil(Math.log(1e11) / LOG_GROWTH)

export interface HistogramData {
  /** Sparse buckets: `[index, count]` pairs. */
  readonly buckets: ReadonlyArray<readonly [number, number]>
  readonly count: number
  readonly maxUs: number
}

export class Histogram {
  private readonly counts = new Float64Array(BUCKETS)
  private total = 0
  private maxUs = 0

  record(valueUs: number): void {
    const value = Math.max(1, valueUs)
    const index = Math.min(BUCKETS - 1, Math.floor(Math.log(value) / LOG_GROWTH))
    this.counts[index] = (this.counts[index] ?? 0) + 1
    this.total += 1
    if (valueUs > this.maxUs) this.maxUs = valueUs
  }

  merge(data: HistogramData): void {
    for (const [index, count] of data.buckets)
      this.counts[index] = (this.counts[index] ?? 0) + count
    this.total += data.count
    this.maxUs = Math.max(this.maxUs, data.maxUs)
  }

  get count(): number {
    return this.total
  }

  /** The value below which `p` percent of samples fall (the bucket's midpoint), in µs. */
  percentileUs(p: number): number | null {
    if (this.total === 0) return null
    const rank = Math.ceil((p / 100) * this.total)
    let seen = 0
    for (let index = 0; index < BUCKETS; index++) {
      seen += this.counts[index] ?? 0
      if (seen >= rank) return Math.min(this.maxUs, GROWTH ** (index + 0.5))
    }
    return this.maxUs
  }

  toData(): HistogramData {
    const buckets: Array<readonly [number, number]> = []
    this.counts.forEach((count, index) => {
      if (count > 0) buckets.push([index, count])
    })
    return { buckets, count: this.total, maxUs: this.maxUs }
  }

  static from(data: HistogramData): Histogram {
    const histogram = new Histogram()
    histogram.merge(data)
    return histogram
  }
}

export interface LatencySummary {
  readonly count: number
  readonly p50Ms: number | null
  readonly p95Ms: number | null
  readonly p99Ms: number | null
  readonly maxMs: number | null
}

export function summarize(histogram: Histogram): LatencySummary {
  const ms = (us: number | null) => (us === null ? null : us / 1000)
  return {
    count: histogram.count,
    p50Ms: ms(histogram.percentileUs(50)),
    p95Ms: ms(histogram.percentileUs(95)),
    p99Ms: ms(histogram.percentileUs(99)),
    maxMs: histogram.count === 0 ? null : histogram.toData().maxUs / 1000,
  }
}

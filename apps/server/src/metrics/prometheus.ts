/**
 * The few Prometheus metric kinds Accord needs, rendered in the text exposition format 0.0.4
 * (https://prometheus.io/docs/instrumenting/exposition_formats/). Small on purpose: counters,
 * gauges read at scrape time, and histograms, each with at most a couple of labels.
 */

export const prometheusContentType = 'text/plain; version=0.0.4; charset=utf-8'

type Labels = Readonly<Record<string, string>>

interface Metric {
  readonly name: string
  render(): string[]
}

function escapeHelp(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')
}

function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"')
}

function renderLabels(labels: Labels): string {
  const entries = Object.entries(labels)
  if (entries.length === 0) return ''
  return `{${entries.map(([key, value]) => `${key}="${escapeLabelValue(value)}"`).join(',')}}`
}

function renderNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN'
  if (value === Infinity) return '+Inf'
  if (value === -Infinity) return '-Inf'
  return String(value)
}

function header(name: string, help: string, type: string): string[] {
  return [`# HELP ${name} ${escapeHelp(help)}`, `# TYPE ${name} ${type}`]
}

/** A monotonically increasing count. */
export class Counter implements Metric {
  private value = 0

  constructor(
    readonly name: string,
    private readonly help: string,
  ) {}

  inc(by = 1): void {
    this.value += by
  }

  get(): number {
    return this.value
  }

  render(): string[] {
    return [...header(this.name, this.help, 'counter'), `${this.name} ${renderNumber(this.value)}`]
  }
}

/** A monotonically increasing count split by one label (a reason, a status). */
export class LabelledCounter<L extends string = string> implements Metric {
  private readonly values = new Map<L, number>()

  constructor(
    readonly name: string,
    private readonly help: string,
    private readonly labelName: string,
    /** Label values shown (at 0) before they first occur, so rates start from a known zero. */
    initial: readonly L[] = [],
  ) {
    for (const label of initial) this.values.set(label, 0)
  }

  inc(label: L, by = 1): void {
    this.values.set(label, (this.values.get(label) ?? 0) + by)
  }

  get(label: L): number {
    return this.values.get(label) ?? 0
  }

  render(): string[] {
    const lines = header(this.name, this.help, 'counter')
    for (const [label, value] of this.values) {
      lines.push(`${this.name}${renderLabels({ [this.labelName]: label })} ${renderNumber(value)}`)
    }
    return lines
  }
}

/** A value read when scraped (connections, rooms loaded, uptime). */
export class Gauge implements Metric {
  constructor(
    readonly name: string,
    private readonly help: string,
    private readonly read: () => number,
  ) {}

  render(): string[] {
    return [...header(this.name, this.help, 'gauge'), `${this.name} ${renderNumber(this.read())}`]
  }
}

/** Observations counted into cumulative buckets, split by one label. */
export class Histogram<L extends string> implements Metric {
  private readonly series = new Map<L, { counts: number[]; sum: number; count: number }>()

  constructor(
    readonly name: string,
    private readonly help: string,
    private readonly labelName: string,
    private readonly buckets: readonly number[],
    initial: readonly L[] = [],
  ) {
    for (const label of initial) this.seriesFor(label)
  }

  observe(label: L, value: number): void {
    const series = this.seriesFor(label)
    series.sum += value
    series.count += 1
    for (const [index, bound] of this.buckets.entries()) {
      if (value <= bound) series.counts[index]! += 1
    }
  }

  /** How many observations a label has. */
  count(label: L): number {
    return this.series.get(label)?.count ?? 0
  }

  render(): string[] {
    const lines = header(this.name, this.help, 'histogram')
    for (const [label, series] of this.series) {
      const base = { [this.labelName]: label }
      for (const [index, bound] of this.buckets.entries()) {
        const labels = renderLabels({ ...base, le: renderNumber(bound) })
        lines.push(`${this.name}_bucket${labels} ${series.counts[index]}`)
      }
      lines.push(`${this.name}_bucket${renderLabels({ ...base, le: '+Inf' })} ${series.count}`)
      lines.push(`${this.name}_sum${renderLabels(base)} ${renderNumber(series.sum)}`)
      lines.push(`${this.name}_count${renderLabels(base)} ${series.count}`)
    }
    return lines
  }

  private seriesFor(label: L) {
    let series = this.series.get(label)
    if (!series) {
      series = { counts: this.buckets.map(() => 0), sum: 0, count: 0 }
      this.series.set(label, series)
    }
    return series
  }
}

/** Renders metrics in registration order, one `# HELP`/`# TYPE` block each. */
export function renderMetrics(metrics: readonly Metric[]): string {
  return metrics.flatMap((metric) => metric.render()).join('\n') + '\n'
}

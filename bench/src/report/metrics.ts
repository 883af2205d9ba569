/**
 * The figures the report shows for each run, derived from what the generator measured, and the
 * ratio Accord / each reference for every one of them (below 1: Accord is better).
 */
import type { ServerKind } from '../load/job.js'
import type { RunOutcome } from '../scenarios/run-scenario.js'
import { Histogram, summarize } from './histogram.js'

export interface RunMetrics {
  readonly p50Ms: number | null
  readonly p95Ms: number | null
  readonly p99Ms: number | null
  readonly maxMs: number | null
  readonly sent: number
  readonly expected: number
  readonly delivered: number
  readonly notDelivered: number
  /** Server CPU time (user + system, all threads) per delivered message. */
  readonly cpuPerDeliveryUs: number | null
  /** Server CPU time over the window, as a share of one core. */
  readonly serverCpuShare: number | null
  /** The part of the server's CPU time spent in the kernel: socket writes and reads, fsync. */
  readonly kernelCpuShare: number | null
  readonly peakRssMb: number | null
  readonly eventLoopP99Ms: number | null
  /** The longest the server's event loop was blocked in the window. */
  readonly eventLoopMaxMs: number | null
  readonly generatorCpuShare: number
  readonly identical: boolean
  readonly complete: boolean
}

export function metricsOf(outcome: RunOutcome): RunMetrics | null {
  const result = outcome.result
  if (!result) return null
  const latency = summarize(Histogram.from(result.latency))
  const cpu = result.serverCpuSeconds
  return {
    p50Ms: latency.p50Ms,
    p95Ms: latency.p95Ms,
    p99Ms: latency.p99Ms,
    maxMs: latency.maxMs,
    sent: result.sent,
    expected: result.expected,
    delivered: result.delivered,
    notDelivered: result.expected - result.delivered,
    cpuPerDeliveryUs:
      cpu === null || result.delivered === 0 ? null : (cpu * 1e6) / result.delivered,
    serverCpuShare: cpu === null ? null : cpu / (result.elapsedMs / 1000),
    kernelCpuShare:
      cpu === null || cpu === 0 || result.serverSystemCpuSeconds === null
        ? null
        : result.serverSystemCpuSeconds / cpu,
    peakRssMb: result.serverPeakRssBytes === null ? null : result.serverPeakRssBytes / 2 ** 20,
    eventLoopP99Ms: result.eventLoop?.p99Ms ?? null,
    eventLoopMaxMs: result.eventLoop?.maxMs ?? null,
    generatorCpuShare: result.generatorCpuShare,
    identical: result.convergence.identical,
    complete: result.convergence.complete,
  }
}

/** The figures compared between servers; for all of them lower is better. */
export const comparedMetrics = [
  'p50Ms',
  'p95Ms',
  'p99Ms',
  'maxMs',
  'notDelivered',
  'cpuPerDeliveryUs',
  'peakRssMb',
  'eventLoopP99Ms',
] as const

export type ComparedMetric = (typeof comparedMetrics)[number]

export type Ratios = Record<ComparedMetric, number | null>

/**
 * Accord's figure over the reference's. Null when either is missing, or the reference's is 0 and
 * Accord's is not; 1 when both are 0 (equal).
 */
export function ratios(accord: RunMetrics, reference: RunMetrics): Ratios {
  const entries = comparedMetrics.map((metric) => {
    const a = accord[metric]
    const b = reference[metric]
    if (a === null || b === null) return [metric, null]
    if (b === 0) return [metric, a === 0 ? 1 : null]
    return [metric, a / b]
  })
  return Object.fromEntries(entries) as Ratios
}

export interface Comparison {
  readonly scenario: string
  readonly reference: ServerKind
  readonly ratios: Ratios
}

/** For every scenario where Accord and a reference both have figures: the ratios. */
export function compare(outcomes: readonly RunOutcome[]): Comparison[] {
  const comparisons: Comparison[] = []
  for (const accord of outcomes.filter((outcome) => outcome.server === 'accord')) {
    const accordMetrics = metricsOf(accord)
    if (!accordMetrics) continue
    for (const reference of outcomes) {
      if (reference.server === 'accord' || reference.scenario.id !== accord.scenario.id) continue
      const referenceMetrics = metricsOf(reference)
      if (!referenceMetrics) continue
      comparisons.push({
        scenario: accord.scenario.id,
        reference: reference.server,
        ratios: ratios(accordMetrics, referenceMetrics),
      })
    }
  }
  return comparisons
}

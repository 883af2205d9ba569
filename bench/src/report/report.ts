/** The benchmark's result as one document: what the JSON file holds and the Markdown shows. */
import type { BrowserOutcome } from '../browser/browser-scenario.js'
import type { Load, ServerKind, Timing } from '../load/job.js'
import type { RunOutcome } from '../scenarios/run-scenario.js'
import type { Family } from '../scenarios/scenarios.js'
import type { DurabilityOutcome } from '../scenarios/durability.js'
import type { HostileOutcome } from '../scenarios/hostile.js'
import type { JoinStormOutcome } from '../scenarios/join-storm.js'
import type { RoomsOutcome } from '../scenarios/rooms.js'
import { type BrowserEntry, browserEntry } from './browser-report.js'
import type { Environment } from './environment.js'
import {
  type DurabilityEntry,
  durabilityEntry,
  type JoinStormEntry,
  joinStormEntry,
} from './extras.js'
import type { HistogramData } from './histogram.js'
import { type HostileEntry, hostileEntry } from './hostile-report.js'
import { type Comparison, compare, metricsOf, type RunMetrics } from './metrics.js'
import { type RoomsEntry, roomsEntry } from './rooms-report.js'

export interface RunEntry {
  readonly scenario: string
  readonly family: Family
  readonly n: number
  readonly server: ServerKind
  readonly load: Load
  readonly metrics: RunMetrics | null
  readonly convergence: string | null
  /** Connections the server closed during the run, by close code. */
  readonly closes: Readonly<Record<string, number>>
  readonly connectMs: number | null
  readonly latencyHistogram: HistogramData | null
  readonly error: string | null
}

export interface BenchReport {
  readonly tool: 'accord-bench'
  readonly format: 1
  readonly mode: string
  readonly startedAt: string
  readonly durationSeconds: number
  readonly environment: Environment
  readonly timing: Timing
  readonly runs: readonly RunEntry[]
  /** Accord / reference, per scenario and metric: below 1 means Accord is better. */
  readonly comparisons: readonly Comparison[]
  /** Scenario (4). */
  readonly rooms: readonly RoomsEntry[]
  /** Scenario (5). */
  readonly joinStorms: readonly JoinStormEntry[]
  /** Scenario (6). */
  readonly durability: readonly DurabilityEntry[]
  /** Scenario (7): first render and panning in headless Chromium (Accord only). */
  readonly browser: readonly BrowserEntry[]
  /** Scenario (8): hostile clients, their cost in memory and to another room (Accord only). */
  readonly hostile: readonly HostileEntry[]
}

export function buildReport(input: {
  mode: string
  startedAt: Date
  finishedAt: Date
  environment: Environment
  timing: Timing
  outcomes: readonly RunOutcome[]
  rooms?: readonly RoomsOutcome[]
  joinStorms?: readonly JoinStormOutcome[]
  durability?: readonly DurabilityOutcome[]
  browser?: readonly BrowserOutcome[]
  hostile?: readonly HostileOutcome[]
}): BenchReport {
  return {
    tool: 'accord-bench',
    format: 1,
    mode: input.mode,
    startedAt: input.startedAt.toISOString(),
    durationSeconds:
      Math.round((input.finishedAt.getTime() - input.startedAt.getTime()) / 100) / 10,
    environment: input.environment,
    timing: input.timing,
    runs: input.outcomes.map((outcome) => ({
      scenario: outcome.scenario.id,
      family: outcome.scenario.family,
      n: outcome.scenario.n,
      server: outcome.server,
      load: outcome.scenario.load,
      metrics: metricsOf(outcome),
      convergence: outcome.result?.convergence.detail ?? null,
      closes: outcome.result?.closes ?? {},
      connectMs: outcome.result ? Math.round(outcome.result.connectMs) : null,
      latencyHistogram: outcome.result?.latency ?? null,
      error: outcome.error,
    })),
    comparisons: compare(input.outcomes),
    rooms: (input.rooms ?? []).map(roomsEntry),
    joinStorms: (input.joinStorms ?? []).map(joinStormEntry),
    durability: (input.durability ?? []).map(durabilityEntry),
    browser: (input.browser ?? []).map(browserEntry),
    hostile: (input.hostile ?? []).map(hostileEntry),
  }
}

/**
 * The benchmark: every scenario against every server, one after the other (each server alone on
 * its core while it is measured), then the report.
 */
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import type { ServerKind, Timing } from './load/job.js'
import { environment } from './report/environment.js'
import { buildReport, type BenchReport } from './report/report.js'
import { type ReportFiles, writeReport } from './report/write-report.js'
import { type RunOutcome, runScenario } from './scenarios/run-scenario.js'
import type { Scenario } from './scenarios/scenarios.js'
import { chooseCores } from './servers/cores.js'

export interface BenchOptions {
  readonly mode: string
  readonly scenarios: readonly Scenario[]
  readonly servers: readonly ServerKind[]
  readonly timing: Timing
  /** Where the report's files go. */
  readonly outDir: string
  /** Pin the server and the generator to their own cores when possible. */
  readonly pin: boolean
  readonly seed: number
  readonly log: (line: string) => void
}

export interface BenchRun {
  readonly report: BenchReport
  readonly files: ReportFiles
}

export async function runBench(options: BenchOptions): Promise<BenchRun> {
  const startedAt = new Date()
  const cores = chooseCores(options.pin)
  const dataRoot = join(options.outDir, '.data')
  const outcomes: RunOutcome[] = []
  try {
    for (const scenario of options.scenarios) {
      for (const server of options.servers) {
        options.log(`${scenario.id} on ${server}…`)
        const outcome = await runScenario(
          scenario,
          server,
          options.timing,
          cores,
          options.seed,
          dataRoot,
        )
        options.log(summaryLine(outcome))
        outcomes.push(outcome)
      }
    }
  } finally {
    rmSync(dataRoot, { recursive: true, force: true })
  }
  const report = buildReport({
    mode: options.mode,
    startedAt,
    finishedAt: new Date(),
    environment: environment(cores),
    timing: options.timing,
    outcomes,
  })
  return { report, files: writeReport(report, options.outDir) }
}

function summaryLine(outcome: RunOutcome): string {
  const result = outcome.result
  if (!result) return `  failed: ${outcome.error?.split('\n')[0] ?? ''}`
  const lost = result.expected - result.delivered
  return (
    `  sent ${result.sent}, delivered ${result.delivered}/${result.expected}` +
    `${lost > 0 ? ` (${lost} not delivered)` : ''}, ${result.convergence.detail}`
  )
}

/**
 * The benchmark: every scenario against every server, one after the other (each server alone on
 * its core while it is measured), then the report.
 */
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { type BrowserOutcome, type BrowserSpec, runBrowser } from './browser/browser-scenario.js'
import type { ServerKind, Timing } from './load/job.js'
import { environment } from './report/environment.js'
import { count } from './report/format.js'
import { Histogram } from './report/histogram.js'
import { buildReport, type BenchReport } from './report/report.js'
import { type ReportFiles, writeReport } from './report/write-report.js'
import {
  type DurabilityOutcome,
  type DurabilitySpec,
  runDurability,
} from './scenarios/durability.js'
import { type HostileOutcome, type HostileSpec, runHostileScenario } from './scenarios/hostile.js'
import { type JoinStormOutcome, type JoinStormSpec, runJoinStorm } from './scenarios/join-storm.js'
import { type RoomsOutcome, type RoomsSpec, runRooms } from './scenarios/rooms.js'
import { type RunOutcome, runScenario } from './scenarios/run-scenario.js'
import type { Scenario } from './scenarios/scenarios.js'
import { chooseCores } from './servers/cores.js'
import { keepsDocuments } from './servers/start-server.js'

export interface BenchOptions {
  readonly mode: string
  readonly scenarios: readonly Scenario[]
  /** Scenario (4): rooms grown in steps, memory per room and per idle connection. */
  readonly rooms?: readonly RoomsSpec[]
  /** Scenario (5): join storms on a large document. */
  readonly joinStorms?: readonly JoinStormSpec[]
  /** Scenario (6): `kill -9` during a drag. */
  readonly durability?: readonly DurabilitySpec[]
  /** Scenario (7): a board in headless Chromium; Accord only, run when Accord is among `servers`. */
  readonly browser?: readonly BrowserSpec[]
  /** Scenario (8): hostile clients; Accord only, run when Accord is among `servers`. */
  readonly hostile?: readonly HostileSpec[]
  /** The floor, which keeps no document, runs in fan-out, drag and presence only. */
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
  const rooms: RoomsOutcome[] = []
  const joinStorms: JoinStormOutcome[] = []
  const durability: DurabilityOutcome[] = []
  const browser: BrowserOutcome[] = []
  const hostile: HostileOutcome[] = []
  // Rooms, join storms and durability need a document; the floor keeps none.
  const documentServers = options.servers.filter(keepsDocuments)
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
    for (const spec of options.rooms ?? []) {
      for (const server of documentServers) {
        options.log(`${spec.id} on ${server}…`)
        const outcome = await runRooms(spec, server, cores, options.seed, dataRoot)
        options.log(roomsLine(outcome))
        rooms.push(outcome)
      }
    }
    for (const spec of options.joinStorms ?? []) {
      for (const server of documentServers) {
        options.log(`${spec.id} on ${server}…`)
        const outcome = await runJoinStorm(spec, server, cores, options.seed, dataRoot)
        options.log(joinStormLine(outcome))
        joinStorms.push(outcome)
      }
    }
    for (const spec of options.durability ?? []) {
      for (const server of documentServers) {
        options.log(`${spec.id} on ${server}…`)
        const outcome = await runDurability(spec, server, cores, options.seed, dataRoot)
        options.log(durabilityLine(outcome))
        durability.push(outcome)
      }
    }
    for (const spec of options.servers.includes('accord') ? (options.browser ?? []) : []) {
      options.log(`${spec.id} on accord, in headless Chromium…`)
      const outcome = await runBrowser(spec, cores, options.seed, dataRoot)
      options.log(browserLine(outcome))
      browser.push(outcome)
    }
    for (const spec of options.servers.includes('accord') ? (options.hostile ?? []) : []) {
      options.log(`${spec.id} on accord, hostile…`)
      const outcome = await runHostileScenario(spec, cores, options.seed, dataRoot)
      options.log(hostileLine(outcome))
      hostile.push(outcome)
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
    rooms,
    joinStorms,
    durability,
    browser,
    hostile,
  })
  return { report, files: writeReport(report, options.outDir) }
}

function summaryLine(outcome: RunOutcome): string {
  const result = outcome.result
  if (!result) return failedLine(outcome)
  const lost = result.expected - result.delivered
  return (
    `  sent ${result.sent}, delivered ${result.delivered}/${result.expected}` +
    `${lost > 0 ? ` (${lost} not delivered)` : ''}, ${result.convergence.detail}`
  )
}

function joinStormLine(outcome: JoinStormOutcome): string {
  const result = outcome.result
  if (!result) return failedLine(outcome)
  return `  ${result.joined}/${outcome.spec.joiners} joined in ${Math.round(result.stormMs)} ms`
}

function durabilityLine(outcome: DurabilityOutcome): string {
  const result = outcome.result
  if (!result) return failedLine(outcome)
  return `  sent ${result.sent}, seen ${result.seen}, lost ${result.lost} after kill -9`
}

function browserLine(outcome: BrowserOutcome): string {
  if (outcome.skipped) return `  not measured: ${outcome.skipped}`
  const result = outcome.result
  if (!result) return failedLine(outcome)
  const first = result.firstRender
  const pans = result.pans.map((pan) => `${pan.view} p99 ${pan.p99Ms?.toFixed(1) ?? 'n/a'} ms`)
  return (
    `  board painted at ${Math.round(first.renderedMs ?? 0)} ms (${first.notesInView} notes in ` +
    `view); panning: ${pans.join(', ')}`
  )
}

function hostileLine(outcome: HostileOutcome): string {
  const result = outcome.result
  if (!result) return failedLine(outcome)
  const peak = result.peakRssBytes === null ? 'n/a' : (result.peakRssBytes / 2 ** 20).toFixed(0)
  const p99 = Histogram.from(result.probeDuringAttack).percentileUs(99)
  return (
    `  ${count(result.attackFrames)} frames sent; peak RSS ${peak} MB; other room p99 ` +
    `${p99 === null ? 'n/a' : (p99 / 1000).toFixed(1)} ms, ${result.probeUnseen} of ` +
    `${result.probeSent} edits unseen${result.serverGone ? `; server ${result.serverGone.how}` : ''}`
  )
}

function roomsLine(outcome: RoomsOutcome): string {
  const result = outcome.result
  if (!result) return failedLine(outcome)
  return `  ${result.steps.map((step) => step.rooms).join(' → ')} rooms, ${result.idleConnections} idle connections`
}

/** The first line of why a run has no result. */
function failedLine(outcome: { readonly error: string | null }): string {
  return `  failed: ${outcome.error?.split('\n')[0] ?? ''}`
}

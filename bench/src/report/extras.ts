/**
 * The figures of the scenarios that are not a steady load — join storm (5) and durability (6) —
 * as the report holds them, with the ratio Accord / each reference, and their Markdown tables.
 */
import type { ServerKind } from '../load/job.js'
import type { DurabilityOutcome, DurabilityResult } from '../scenarios/durability.js'
import type { JoinStormOutcome } from '../scenarios/join-storm.js'
import { count, ms, ratio, serverLabels } from './format.js'
import { Histogram, summarize } from './histogram.js'

export interface JoinStormEntry {
  readonly scenario: string
  readonly joiners: number
  readonly server: ServerKind
  readonly documentMb: number | null
  readonly joined: number | null
  readonly joinP50Ms: number | null
  readonly joinP99Ms: number | null
  readonly joinMaxMs: number | null
  readonly stormMs: number | null
  readonly probeBaselineP99Ms: number | null
  readonly probeP99Ms: number | null
  readonly probeMaxMs: number | null
  readonly serverCpuSeconds: number | null
  readonly peakRssMb: number | null
  readonly error: string | null
}

export interface DurabilityEntry extends Partial<DurabilityResult> {
  readonly scenario: string
  readonly writers: number
  /** Sending time before the kill. */
  readonly killedAfterMs: number
  readonly server: ServerKind
  readonly error: string | null
}

export function joinStormEntry(outcome: JoinStormOutcome): JoinStormEntry {
  const r = outcome.result
  const join = r ? summarize(Histogram.from(r.join)) : null
  const probe = r ? summarize(Histogram.from(r.probeDuringStorm)) : null
  const baseline = r ? summarize(Histogram.from(r.probeBaseline)) : null
  return {
    scenario: outcome.spec.id,
    joiners: outcome.spec.joiners,
    server: outcome.server,
    documentMb: r ? r.documentBytes / 2 ** 20 : null,
    joined: r?.joined ?? null,
    joinP50Ms: join?.p50Ms ?? null,
    joinP99Ms: join?.p99Ms ?? null,
    joinMaxMs: join?.maxMs ?? null,
    stormMs: r?.stormMs ?? null,
    probeBaselineP99Ms: baseline?.p99Ms ?? null,
    probeP99Ms: probe?.p99Ms ?? null,
    probeMaxMs: probe?.maxMs ?? null,
    serverCpuSeconds: r?.serverCpuSeconds ?? null,
    peakRssMb: typeof r?.serverPeakRssBytes === 'number' ? r.serverPeakRssBytes / 2 ** 20 : null,
    error: outcome.error,
  }
}

export function durabilityEntry(outcome: DurabilityOutcome): DurabilityEntry {
  return {
    scenario: outcome.spec.id,
    writers: outcome.spec.writers,
    killedAfterMs: outcome.spec.warmupMs + outcome.spec.killAfterMs,
    server: outcome.server,
    ...outcome.result,
    error: outcome.error,
  }
}

function quotient(a: number | null | undefined, b: number | null | undefined): number | null {
  if (typeof a !== 'number' || typeof b !== 'number') return null
  if (b === 0) return a === 0 ? 1 : null
  return a / b
}

function firstLine(text: string | null): string {
  return (text ?? 'unknown error').split('\n')[0]?.replaceAll('|', '/') ?? ''
}

function mb(value: number | null | undefined): string {
  return typeof value === 'number' ? value.toFixed(value < 10 ? 1 : 0) : 'n/a'
}

export function joinStormTable(entries: readonly JoinStormEntry[]): string[] {
  if (entries.length === 0) return []
  const lines = [
    '## Join storm: N joiners at once to a room with a large document, a probe room meanwhile',
    '',
    '| N | server | document MB | joined | join p50 ms | join p99 ms | join max ms | ' +
      'probe p99 before ms | probe p99 during ms | probe max during ms | server CPU s | peak RSS MB |',
    `|${' --- |'.repeat(12)}`,
  ]
  for (const scenario of [...new Set(entries.map((e) => e.scenario))]) {
    const here = entries.filter((e) => e.scenario === scenario)
    for (const e of here) {
      const label = serverLabels[e.server]
      if (e.error) {
        lines.push(`| ${e.joiners} | ${label} | failed: ${firstLine(e.error)} |${' |'.repeat(9)}`)
        continue
      }
      lines.push(
        `| ${e.joiners} | ${label} | ${mb(e.documentMb)} | ${e.joined}/${e.joiners} | ` +
          `${ms(e.joinP50Ms)} | ${ms(e.joinP99Ms)} | ${ms(e.joinMaxMs)} | ` +
          `${ms(e.probeBaselineP99Ms)} | ${ms(e.probeP99Ms)} | ${ms(e.probeMaxMs)} | ` +
          `${e.serverCpuSeconds?.toFixed(2) ?? 'n/a'} | ${mb(e.peakRssMb)} |`,
      )
    }
    const accord = here.find((e) => e.server === 'accord' && !e.error)
    for (const reference of here.filter((e) => e.server !== 'accord' && !e.error)) {
      if (!accord) break
      const r = (pick: (e: JoinStormEntry) => number | null) =>
        ratio(quotient(pick(accord), pick(reference)))
      lines.push(
        `| ${accord.joiners} | _Accord / ${serverLabels[reference.server]}_ | | | ` +
          `${r((e) => e.joinP50Ms)} | ${r((e) => e.joinP99Ms)} | ${r((e) => e.joinMaxMs)} | | ` +
          `${r((e) => e.probeP99Ms)} | ${r((e) => e.probeMaxMs)} | ` +
          `${r((e) => e.serverCpuSeconds)} | ${r((e) => e.peakRssMb)} |`,
      )
    }
  }
  lines.push('')
  return lines
}

export function durabilityTable(entries: readonly DurabilityEntry[]): string[] {
  if (entries.length === 0) return []
  const lines = [
    '## Durability: kill -9 during a whiteboard drag (N writers at 20 Hz), restart on the same data',
    '',
    '| N | server | killed after s | updates sent | seen by a client | missing at first sync | ' +
      '**updates lost** | writers with losses | ≈ seconds of edits lost | restart → first sync ms |',
    `|${' --- |'.repeat(10)}`,
  ]
  for (const e of entries) {
    const label = serverLabels[e.server]
    if (e.error || e.lost === undefined) {
      lines.push(`| ${e.writers} | ${label} | failed: ${firstLine(e.error)} |${' |'.repeat(7)}`)
      continue
    }
    lines.push(
      `| ${e.writers} | ${label} | ${e.killedAfterMs / 1000} | ${count(e.sent ?? 0)} | ` +
        `${count(e.seen ?? 0)} | ${count(e.missingAtFirstSync ?? 0)} | **${count(e.lost)}** | ${e.writersWithLoss}/${e.writers} | ` +
        `${(e.lostSeconds ?? 0).toFixed(1)} | ${ms(e.restartMs ?? null)} |`,
    )
  }
  lines.push('')
  return lines
}

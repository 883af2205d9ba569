/** Scenario (4) in the report: figures per step, memory per room and per idle connection. */
import type { ServerKind } from '../load/job.js'
import type { MemoryFigures } from '../servers/probe-reader.js'
import type { RoomsOutcome } from '../scenarios/rooms.js'
import { ms, ratio, serverLabels } from './format.js'
import { Histogram, summarize } from './histogram.js'

export interface RoomsStepEntry {
  readonly rooms: number
  readonly p50Ms: number | null
  readonly p99Ms: number | null
  readonly rssMb: number | null
  readonly heapMb: number | null
}

export interface RoomsEntry {
  readonly scenario: string
  readonly server: ServerKind
  readonly steps: readonly RoomsStepEntry[]
  /** Rooms at the last step run (the one past 100 ms p99, if any). */
  readonly rooms: number | null
  readonly rssPerRoomKb: number | null
  readonly heapPerRoomKb: number | null
  readonly idleConnections: number | null
  readonly rssPerIdleConnectionKb: number | null
  readonly heapPerIdleConnectionKb: number | null
  /** Every client gone and the unload time passed: heap above the baseline, per room once loaded. */
  readonly heapLeftPerRoomKb: number | null
  readonly rssLeftMb: number | null
  readonly error: string | null
}

const MB = 2 ** 20
const KB = 1024

type Pick = (memory: MemoryFigures) => number

function per(
  after: MemoryFigures | null,
  before: MemoryFigures | null,
  n: number,
  pick: Pick,
  unit: number,
): number | null {
  if (!after || !before || n === 0) return null
  return (pick(after) - pick(before)) / n / unit
}

const rss: Pick = (m) => m.rssBytes
const heap: Pick = (m) => m.heapUsedBytes

export function roomsEntry(outcome: RoomsOutcome): RoomsEntry {
  const r = outcome.result
  const last = r?.steps.at(-1)
  const n = last?.rooms ?? 0
  const base = r?.baseline ?? null
  return {
    scenario: outcome.spec.id,
    server: outcome.server,
    steps: (r?.steps ?? []).map((step) => {
      const latency = summarize(Histogram.from(step.latency))
      return {
        rooms: step.rooms,
        p50Ms: latency.p50Ms,
        p99Ms: latency.p99Ms,
        rssMb: step.memory ? step.memory.rssBytes / MB : null,
        heapMb: step.memory ? step.memory.heapUsedBytes / MB : null,
      }
    }),
    rooms: last?.rooms ?? null,
    rssPerRoomKb: per(last?.memory ?? null, base, n, rss, KB),
    heapPerRoomKb: per(last?.memory ?? null, base, n, heap, KB),
    idleConnections: r?.idleConnections ?? null,
    rssPerIdleConnectionKb: per(
      r?.withIdle ?? null,
      r?.beforeIdle ?? null,
      r?.idleConnections ?? 0,
      rss,
      KB,
    ),
    heapPerIdleConnectionKb: per(
      r?.withIdle ?? null,
      r?.beforeIdle ?? null,
      r?.idleConnections ?? 0,
      heap,
      KB,
    ),
    heapLeftPerRoomKb: per(r?.unloaded ?? null, base, n, heap, KB),
    rssLeftMb: per(r?.unloaded ?? null, base, 1, rss, MB),
    error: outcome.error,
  }
}

function num(value: number | null, digits = 1): string {
  return value === null ? 'n/a' : value.toFixed(digits)
}

function firstLine(text: string | null): string {
  return (text ?? 'unknown error').split('\n')[0]?.replaceAll('|', '/') ?? ''
}

export function roomsTables(entries: readonly RoomsEntry[]): string[] {
  if (entries.length === 0) return []
  const lines = [
    '## Rooms: R rooms × 3 clients (1 writer at 1.5 Hz, 2 observers), grown until p99 > 100 ms',
    '',
    '| R | server | p50 ms | p99 ms | RSS MB | heap MB |',
    `|${' --- |'.repeat(6)}`,
  ]
  for (const e of entries) {
    if (e.error) lines.push(`| | ${serverLabels[e.server]} | failed: ${firstLine(e.error)} | | | |`)
    for (const step of e.steps) {
      lines.push(
        `| ${step.rooms} | ${serverLabels[e.server]} | ${ms(step.p50Ms)} | ${ms(step.p99Ms)} | ` +
          `${num(step.rssMb, 0)} | ${num(step.heapMb, 0)} |`,
      )
    }
  }
  lines.push(
    '',
    '| server | R | KB per room (RSS) | KB per room (heap) | K idle | KB per idle connection (RSS) | ' +
      'KB per idle connection (heap) | heap left per room once all left, KB | RSS left MB |',
    `|${' --- |'.repeat(9)}`,
  )
  const accord = entries.find((e) => e.server === 'accord' && !e.error)
  for (const e of entries.filter((entry) => !entry.error)) {
    lines.push(
      `| ${serverLabels[e.server]} | ${e.rooms} | ${num(e.rssPerRoomKb)} | ${num(e.heapPerRoomKb)} | ` +
        `${e.idleConnections} | ${num(e.rssPerIdleConnectionKb)} | ${num(e.heapPerIdleConnectionKb)} | ` +
        `${num(e.heapLeftPerRoomKb)} | ${num(e.rssLeftMb)} |`,
    )
  }
  for (const reference of entries.filter((e) => e.server !== 'accord' && !e.error)) {
    if (!accord) break
    const r = (pick: (e: RoomsEntry) => number | null) => {
      const a = pick(accord)
      const b = pick(reference)
      return ratio(a === null || b === null || b <= 0 ? null : a / b)
    }
    lines.push(
      `| _Accord / ${serverLabels[reference.server]}_ | | ${r((e) => e.rssPerRoomKb)} | ` +
        `${r((e) => e.heapPerRoomKb)} | | ${r((e) => e.rssPerIdleConnectionKb)} | ` +
        `${r((e) => e.heapPerIdleConnectionKb)} | | |`,
    )
  }
  lines.push('')
  return lines
}

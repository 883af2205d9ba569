/** The report as Markdown: one table per scenario family, Accord / reference rows under each N. */
import type { ServerKind } from '../load/job.js'
import { type Family, familyTitles } from '../scenarios/scenarios.js'
import { browserNotes, browserTables } from './browser-report.js'
import { durabilityTable, joinStormTable } from './extras.js'
import { hostileNotes, hostileTables } from './hostile-report.js'
import { roomsTables } from './rooms-report.js'
import { count, generatorCell, ms, percent, ratio, serverLabels } from './format.js'
import type { Ratios, RunMetrics } from './metrics.js'
import type { BenchReport, RunEntry } from './report.js'

const header =
  '| N | server | p50 ms | p95 ms | p99 ms | max ms | not delivered | CPU µs / delivery | ' +
  'server CPU | peak RSS MB | loop delay p99 ms | checkers | generator CPU |'
const rule = `|${' --- |'.repeat(13)}`

function checkers(metrics: RunMetrics): string {
  if (!metrics.identical) return 'differ ✗'
  return metrics.complete ? 'same ✓' : 'incomplete ✗'
}

function runRow(run: RunEntry): string {
  const m = run.metrics
  const label = serverLabels[run.server]
  if (!m) return `| ${run.n} | ${label} | failed: ${firstLine(run.error)} |${' |'.repeat(11)}`
  const notDelivered = `${count(m.notDelivered)} of ${count(m.expected)}`
  return (
    `| ${run.n} | ${label} | ${ms(m.p50Ms)} | ${ms(m.p95Ms)} | ${ms(m.p99Ms)} | ${ms(m.maxMs)} | ` +
    `${notDelivered} | ${m.cpuPerDeliveryUs === null ? 'n/a' : m.cpuPerDeliveryUs.toFixed(1)} | ` +
    `${serverCpuCell(m)} | ${m.peakRssMb === null ? 'n/a' : m.peakRssMb.toFixed(0)} | ` +
    `${ms(m.eventLoopP99Ms)} | ${checkers(m)} | ${generatorCell(m.generatorCpuShare)} |`
  )
}

/** The server's share of a core, and how much of it the kernel spent (mostly socket writes). */
function serverCpuCell(m: RunMetrics): string {
  const share = percent(m.serverCpuShare)
  return m.kernelCpuShare === null ? share : `${share} (${percent(m.kernelCpuShare)} kernel)`
}

function ratioRow(n: number, reference: string, r: Ratios): string {
  return (
    `| ${n} | _Accord / ${reference}_ | ${ratio(r.p50Ms)} | ${ratio(r.p95Ms)} | ${ratio(r.p99Ms)} | ` +
    `${ratio(r.maxMs)} | ${ratio(r.notDelivered)} | ${ratio(r.cpuPerDeliveryUs)} | | ` +
    `${ratio(r.peakRssMb)} | ${ratio(r.eventLoopP99Ms)} | | |`
  )
}

function firstLine(text: string | null): string {
  return (text ?? 'unknown error').split('\n')[0]?.replaceAll('|', '/') ?? ''
}

function familyTable(report: BenchReport, family: Family): string[] {
  const runs = report.runs.filter((run) => run.family === family)
  if (runs.length === 0) return []
  const lines = [`## ${familyTitles[family]}`, '', header, rule]
  const ns = [...new Set(runs.map((run) => run.n))].sort((a, b) => a - b)
  for (const n of ns) {
    const here = runs.filter((run) => run.n === n)
    lines.push(...here.map(runRow))
    const scenario = here[0]?.scenario
    for (const comparison of report.comparisons.filter((c) => c.scenario === scenario)) {
      lines.push(ratioRow(n, serverLabels[comparison.reference], comparison.ratios))
    }
  }
  lines.push('')
  return lines
}

function isReference(server: ServerKind): boolean {
  return server === 'y-websocket' || server === 'hocuspocus'
}

/** The goals of issue 7 that this run's figures can speak to. */
function goals(report: BenchReport): string[] {
  const lines: string[] = []
  for (const run of report.runs.filter((r) => r.family === 'fanout' && r.server === 'accord')) {
    // The floor is no reference: the goal is against what real servers do.
    const others = report.runs.filter(
      (r) => r.scenario === run.scenario && isReference(r.server) && r.metrics,
    )
    if (!run.metrics || others.length === 0) continue
    const best = (pick: (m: RunMetrics) => number | null) =>
      Math.min(...others.map((r) => pick(r.metrics as RunMetrics) ?? Number.POSITIVE_INFINITY))
    const p99 = run.metrics.p99Ms
    const cpu = run.metrics.cpuPerDeliveryUs
    const bestP99 = best((m) => m.p99Ms)
    const bestCpu = best((m) => m.cpuPerDeliveryUs)
    const met = (value: number | null, limit: number) =>
      value !== null && value <= limit / 2 ? 'met' : 'not met'
    const floor = report.runs.find((r) => r.scenario === run.scenario && r.server === 'floor')
    lines.push(
      `- Fan-out N=${run.n}: p99 ${ms(p99)} ms vs best reference ${ms(bestP99)} ms ` +
        `(at most half: ${met(p99, bestP99)}); CPU/delivery ${cpu?.toFixed(1) ?? 'n/a'} µs vs ` +
        `${bestCpu.toFixed(1)} µs (at most half: ${met(cpu, bestCpu)}).` +
        (floor?.metrics
          ? ` The floor: p99 ${ms(floor.metrics.p99Ms)} ms, CPU/delivery ` +
            `${floor.metrics.cpuPerDeliveryUs?.toFixed(1) ?? 'n/a'} µs.`
          : ''),
    )
  }
  for (const run of report.runs.filter((r) => r.family === 'presence' && r.server === 'accord')) {
    const share = run.metrics?.serverCpuShare ?? null
    lines.push(
      `- Presence N=${run.n}: Accord used ${percent(share)} of a core ` +
        `(goal at 500 users: under 30 %${share !== null && share < 0.3 ? ', met at this N' : ''}).`,
    )
  }
  return lines.length > 0 ? ['## Goals (issue 7)', '', ...lines, ''] : []
}

export function toMarkdown(report: BenchReport): string {
  const env = report.environment
  const pinning =
    env.pinned.server === null
      ? 'nothing pinned (no taskset or a single core)'
      : `server pinned to core ${env.pinned.server}, load generator to core ${env.pinned.generator} (taskset)`
  const t = report.timing
  const errors = report.runs.filter((run) => run.error)
  const floorRan = report.runs.some((run) => run.server === 'floor')
  return [
    `# Accord benchmark (${report.mode})`,
    '',
    `${report.startedAt}, ${report.durationSeconds} s. Node ${env.node} on ${env.os}, ${env.cpu}, ` +
      `${env.cores} cores; ${pinning}. Each run starts a fresh server process and a new room: ` +
      `warm-up ${t.warmupMs / 1000} s, measured ${t.measureMs / 1000} s, then up to ` +
      `${t.drainMs / 1000} s for the last messages to arrive. Every server runs with ` +
      `${Object.entries(env.serverEnv)
        .map(([name, value]) => `${name}=${value}`)
        .join(' ')} (README, "Memory").`,
    '',
    ...Object.entries(env.servers)
      .filter(([kind]) => kind !== 'floor' || floorRan)
      .map(
        ([kind, description]) =>
          `- **${serverLabels[kind as keyof typeof serverLabels]}**: ${description}`,
      ),
    '',
    ...familyTable(report, 'fanout'),
    ...familyTable(report, 'drag'),
    ...familyTable(report, 'presence'),
    ...roomsTables(report.rooms),
    ...joinStormTable(report.joinStorms),
    ...durabilityTable(report.durability),
    ...browserTables(report.browser),
    ...hostileTables(report.hostile),
    ...goals(report),
    '## How to read this',
    '',
    '- **Latency**: every edit carries its send time; it is timed at every client that receives it ' +
      '(all in the generator process, one clock). Each edit is counted once per client.',
    '- **Not delivered**: measured edits that had not reached every other client when the drain ended.',
    '- **CPU µs / delivery**: the server process’s user + system CPU time (all threads, from ' +
      '/proc/<pid>/stat) over the window and drain, divided by the deliveries. **Server CPU**: the ' +
      'same time as a share of one core, and in brackets the part the kernel spent on the ' +
      'server’s behalf (system time: socket writes and reads, fsync) — the same for every server ' +
      'that writes one frame per recipient.',
    '- **Peak RSS**: VmHWM of the server process, reset at the start of the window.',
    '- **Loop delay p99**: the server’s event-loop delay, measured by a probe preloaded into every ' +
      'server alike (`node --import`), over the window; n/a when the server was too busy to answer ' +
      'the probe within 5 s.',
    '- **Checkers**: two real Y.Doc clients per run; ✓ when their documents (or presence states) are ' +
      'identical and hold every writer’s last edit.',
    '- **Generator CPU**: the load generator’s own use of its core; ⚠ from 90 %, where the ' +
      'generator, not the server, may be the limit and latencies are upper bounds.',
    '- Ratio rows: Accord’s figure over the reference’s; below 1× Accord is better.',
    ...(floorRan
      ? [
          '- **floor**: not a reference but a measure of the machine: a relay that answers the ' +
            'handshake with an empty document and writes each message, framed once, to every ' +
            'other socket of the room — nothing stored, nothing decoded. What it costs is little ' +
            'more than one loopback TCP write per recipient: about the least any relay pays on ' +
            'this machine. The goals compare Accord with the references only. Keeping no ' +
            'document, it runs in fan-out, drag and presence only.',
        ]
      : []),
    ...(report.rooms.length > 0
      ? [
          '- **Rooms**: latency as in fan-out, at the observers; memory from the probe in each ' +
            'server after a full GC (`--expose-gc`, given to every server alike, called only by ' +
            'the probe). **Per room**: (memory at the last step − before any client) / R. **Per ' +
            'idle connection**: K more clients that only sync into the loaded rooms, memory ' +
            'after − before, / K. **Left once all left**: every client gone, 5 s later (Accord ' +
            'unloads an idle room after 2 s), heap above the baseline per room that was loaded.',
        ]
      : []),
    ...(report.joinStorms.length > 0
      ? [
          '- **Join storm**: the document is built with real Yjs edits (notes with text) and stays ' +
            'open in one client; then N clients connect at once. **Join**: from a joiner’s connect ' +
            'to its first complete sync. **Probe**: another room on the same server, one writer ' +
            'and one observer at 25 Hz; its latency for 1 s before the storm and during it.',
        ]
      : []),
    ...(report.durability.length > 0
      ? [
          '- **Durability**: the server is killed with SIGKILL while the writers drag, started again ' +
            'on the same data, and a fresh client syncs. **Seen**: updates some other client had ' +
            'received from the server before the kill; **updates lost**: seen updates the restarted ' +
            'server does not have, nor sends within 3 s of the first sync (each writer’s updates are ' +
            'one Yjs clock each, so its clock in the restarted document says how many survived). ' +
            '**Missing at first sync**: seen updates the first sync after the restart did not carry ' +
            '(a server that answers before its stored document is loaded). Every server keeps its ' +
            'persistence defaults.',
        ]
      : []),
    ...(report.browser.some((entry) => !entry.skipped) ? [browserNotes] : []),
    ...(report.hostile.length > 0 ? [hostileNotes] : []),
    '',
    ...(errors.length > 0
      ? [
          '## Failed runs',
          '',
          ...errors.map(
            (run) => `- ${run.scenario} on ${serverLabels[run.server]}: ${firstLine(run.error)}`,
          ),
          '',
        ]
      : []),
  ].join('\n')
}

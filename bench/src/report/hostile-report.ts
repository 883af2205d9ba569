/**
 * Scenario (8), hostile clients: the figures as the report holds them, each set against the
 * issue's target with pass or fail, and their Markdown table.
 */
import type { AttackSpec } from '../load/hostile/attack.js'
import { type HostileOutcome, hostileTargets, rssTargetBytes } from '../scenarios/hostile.js'
import { count, generatorCell, ms, percent } from './format.js'
import { Histogram, summarize } from './histogram.js'

export interface HostileEntry {
  readonly scenario: string
  /** What the attackers did, in words. */
  readonly attack: string
  readonly boardMb: number | null
  readonly attackFrames: number | null
  /** What the attack meant to send: a generator short of a core sends less (presence flood). */
  readonly attackFramesPlanned: number
  readonly rssBeforeMb: number | null
  readonly peakRssMb: number | null
  readonly peakFrom: 'VmHWM' | 'samples' | null
  /** 2 × the board + 200 MB. */
  readonly rssTargetMb: number | null
  readonly rssMet: boolean | null
  readonly probeBaselineP99Ms: number | null
  readonly probeP99Ms: number | null
  readonly probeMaxMs: number | null
  readonly probeSent: number | null
  /** Probe edits the observer never saw: counted as late by the time they had (lower bounds). */
  readonly probeUnseen: number | null
  readonly p99TargetMs: number
  readonly p99Met: boolean | null
  /** The server's event-loop delay over the attack; null when it did not answer the probe. */
  readonly eventLoopP99Ms: number | null
  readonly eventLoopMaxMs: number | null
  /** The server's CPU time over the attack, as a share of one core. */
  readonly serverCpuShare: number | null
  /** The generator process's (attackers' and probe's) CPU over the attack, as a share of one core. */
  readonly generatorCpuShare: number | null
  readonly attackerCloses: Readonly<Record<string, number>>
  /** The server died, or the bench killed it at its memory ceiling, during the run. */
  readonly serverGone: string | null
  readonly error: string | null
}

const MB = 2 ** 20

export function describeAttack(attack: AttackSpec): string {
  switch (attack.kind) {
    case 'step1-flood':
      return (
        `${attack.attackers} read-only connections, not reading, × ` +
        `${count(attack.framesEach)} sync step 1 frames (non-empty state vectors)`
      )
    case 'merge-burst':
      return `${attack.connections} participants × a burst of ${count(attack.editsEach)} edits`
    case 'presence-flood':
      return `${attack.connections} participants × ${attack.hz} awareness updates/s`
  }
}

function plannedFrames(spec: HostileOutcome['spec']): number {
  const attack = spec.attack
  switch (attack.kind) {
    case 'step1-flood':
      return attack.attackers * attack.framesEach
    case 'merge-burst':
      return attack.connections * attack.editsEach
    case 'presence-flood':
      return Math.round((attack.connections * attack.hz * spec.attackMs) / 1000)
  }
}

export function hostileEntry(outcome: HostileOutcome): HostileEntry {
  const r = outcome.result
  const probe = r ? summarize(Histogram.from(r.probeDuringAttack)) : null
  const baseline = r ? summarize(Histogram.from(r.probeBaseline)) : null
  const target = r ? rssTargetBytes(r.boardBytes) : null
  const peak = r?.peakRssBytes ?? null
  // Killed at the ceiling or dead: whatever the last sample said, the target was missed.
  const rssMet =
    r && peak !== null && target !== null ? peak < target && r.serverGone === null : null
  const p99 = probe?.p99Ms ?? null
  return {
    scenario: outcome.spec.id,
    attack: describeAttack(outcome.spec.attack),
    boardMb: r ? r.boardBytes / MB : null,
    attackFrames: r?.attackFrames ?? null,
    attackFramesPlanned: plannedFrames(outcome.spec),
    rssBeforeMb: typeof r?.rssBeforeBytes === 'number' ? r.rssBeforeBytes / MB : null,
    peakRssMb: peak === null ? null : peak / MB,
    peakFrom: r?.peakFrom ?? null,
    rssTargetMb: target === null ? null : target / MB,
    rssMet,
    probeBaselineP99Ms: baseline?.p99Ms ?? null,
    probeP99Ms: p99,
    probeMaxMs: probe?.maxMs ?? null,
    probeSent: r?.probeSent ?? null,
    probeUnseen: r?.probeUnseen ?? null,
    p99TargetMs: hostileTargets.otherRoomP99Ms,
    p99Met: r && p99 !== null ? p99 < hostileTargets.otherRoomP99Ms : null,
    eventLoopP99Ms: r?.eventLoop?.p99Ms ?? null,
    eventLoopMaxMs: r?.eventLoop?.maxMs ?? null,
    serverCpuShare:
      r && r.serverCpuSeconds !== null ? r.serverCpuSeconds / (r.attackElapsedMs / 1000) : null,
    generatorCpuShare: r?.generatorCpuShare ?? null,
    attackerCloses: r?.attackerCloses ?? {},
    serverGone: r?.serverGone
      ? r.serverGone.how === 'ceiling'
        ? `killed by the bench at its memory ceiling ${(r.serverGone.afterMs / 1000).toFixed(1)} s into the attack`
        : `exited by itself ${(r.serverGone.afterMs / 1000).toFixed(1)} s into the attack`
      : null,
    error: outcome.error,
  }
}

function mb(value: number | null): string {
  return value === null ? 'n/a' : value.toFixed(value < 10 ? 1 : 0)
}

/** Frames sent, and the share of those planned when short of them. */
function sent(e: HostileEntry): string {
  if (e.attackFrames === null) return 'n/a'
  const share = e.attackFrames / e.attackFramesPlanned
  return share < 0.99
    ? `${count(e.attackFrames)} (${Math.round(share * 100)} % of planned)`
    : count(e.attackFrames)
}

function verdict(met: boolean | null): string {
  return met === null ? 'n/a' : met ? '**pass** ✓' : '**fail** ✗'
}

function closes(entry: HostileEntry): string {
  // Sockets of a dead server close as their kernel gets round to it: nothing to tell.
  if (entry.serverGone) return 'n/a (server gone)'
  const parts = Object.entries(entry.attackerCloses)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, n]) => `${code}: ${n}`)
  return parts.length > 0 ? parts.join(', ') : 'n/a'
}

function firstLine(text: string | null): string {
  return (text ?? 'unknown error').split('\n')[0]?.replaceAll('|', '/') ?? ''
}

export function hostileTables(entries: readonly HostileEntry[]): string[] {
  if (entries.length === 0) return []
  const lines = [
    '## Hostile clients (Accord alone): peak memory and another room’s p99 during each attack',
    '',
    `Targets (issue 15): peak RSS below ${hostileTargets.boardFactor} × the board + ` +
      `${hostileTargets.marginBytes / MB} MB; another room’s p99 below ` +
      `${hostileTargets.otherRoomP99Ms} ms.`,
    '',
    '| scenario | attack | frames sent | board MB | RSS before MB | peak RSS MB | target MB | RSS | ' +
      'other room p99 before ms | p99 during ms | max during ms | unseen | p99 | ' +
      'loop delay p99 ms | loop delay max ms | server CPU | generator CPU | ' +
      'attackers’ connections at the end |',
    `|${' --- |'.repeat(18)}`,
  ]
  const notes: string[] = []
  for (const e of entries) {
    if (e.error) {
      lines.push(
        `| ${e.scenario} | ${e.attack} | failed: ${firstLine(e.error)} |${' |'.repeat(15)}`,
      )
      continue
    }
    // An unseen edit's latency is a lower bound, so the p99 may be too; and a server that had
    // not caught up by the end (or was killed) may have grown further after the window.
    const bound = (e.probeUnseen ?? 0) > 0 ? '≥ ' : ''
    const peakBound = bound !== '' || e.serverGone !== null ? '≥ ' : ''
    lines.push(
      `| ${e.scenario} | ${e.attack} | ${sent(e)} | ${mb(e.boardMb)} | ${mb(e.rssBeforeMb)} | ` +
        `${peakBound}${mb(e.peakRssMb)} | ${mb(e.rssTargetMb)} | ` +
        `${verdict(e.rssMet)} | ${ms(e.probeBaselineP99Ms)} | ${bound}${ms(e.probeP99Ms)} | ` +
        `${bound}${ms(e.probeMaxMs)} | ${e.probeUnseen ?? 'n/a'} of ${e.probeSent ?? 'n/a'} | ` +
        `${verdict(e.p99Met)} | ${ms(e.eventLoopP99Ms)} | ${ms(e.eventLoopMaxMs)} | ` +
        `${percent(e.serverCpuShare)} | ${generatorCell(e.generatorCpuShare)} | ${closes(e)} |`,
    )
    if (e.serverGone) notes.push(`- ${e.scenario}: the server was ${e.serverGone}.`)
  }
  lines.push('', ...notes, ...(notes.length > 0 ? [''] : []))
  return lines
}

export const hostileNotes =
  '- **Hostile clients**: each attack runs against a fresh Accord with every bound at its ' +
  'documented default (rate limit included; the document bound raised to fit the board), from ' +
  'hand-built WebSocket frames on raw TCP sockets. **Board**: the attacked room’s document as a ' +
  'fresh client receives it. **Peak RSS**: VmHWM of the server, reset when the attack starts, ' +
  'and VmRSS sampled every 20 ms, up to the end of the drain; past the bench’s ceiling ' +
  '(`BENCH_HOSTILE_RSS_CEILING_MB`, 3 GB) the bench kills the server. The peak is shown as ≥ ' +
  'when the server was killed or had not caught up by the end (probe edits unseen): it may ' +
  'have grown after the window. **Other room**: a writer moving a note at 50 Hz and an observer in another room on ' +
  'the same server (in a thread of their own in the generator); p99 over the edits sent during ' +
  'the attack. An edit the observer never saw counts as late by the time it had, so the p99 ' +
  'and max are then lower bounds (≥). **Loop delay**: the server’s event-loop delay (the probe ' +
  'preloaded into it, as in the other scenarios), its histogram reset when the attack starts and ' +
  'read when it stops; a server still busy then answers late, so its figures may take in the ' +
  'start of the drain, and n/a means it did not answer within 5 s. **Server CPU**: the server ' +
  'process’s user + system time (all threads, /proc/<pid>/stat) over the attack, as a share of ' +
  'one core; n/a once the server is gone. **Generator CPU**: the generator process’s own CPU ' +
  'over the attack (process.cpuUsage), as a share of one core. It covers the attackers and the ' +
  'honest probe alike: the writer, the observer and the memory sampler run in a worker thread ' +
  'of the same process (on the same core, when pinned). ⚠ from 90 %: there the generator, not the ' +
  'server, may be the limit — the attack may send less than planned, and the other room’s ' +
  'latencies are upper bounds. **Attackers’ connections**: how the server had closed ' +
  'them by the end, by close code (`reset`: closed without a code, `open`: still open); those ' +
  'that stopped reading read again for up to 1 s at the end to find out.'

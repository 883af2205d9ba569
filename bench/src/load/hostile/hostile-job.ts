/**
 * A hostile scenario, the generator's side:
 *
 *   prepare   the attack's room (for the step 1 flood, a large board written through the
 *             protocol) and the attackers' connections and frames; then `SETTLE_MS` for the
 *             server to finish what that started (a compaction of the board's log) and a full
 *             GC in the server (its preloaded probe), so that the memory before the attack is
 *             the board held, not what writing it left behind
 *   baseline  the probe alone: a writer and an observer in another room, in a worker thread
 *   attack    the server's peak memory, its event-loop delay histogram and the CPU counts (the
 *             server's and the generator's own) restart here; the attack runs for `attackMs`,
 *             and the event loop and CPU are read again when it stops
 *   drain     probe edits sent during the attack have `drainMs` more to arrive; an edit still
 *             unseen then counts as late by (end of drain − sent), a lower bound
 *
 * The probe's worker samples the server's memory all along and kills the server past
 * `ceilingBytes`, which ends the run early.
 */
import { Worker } from 'node:worker_threads'
import { Histogram, type HistogramData } from '../../report/histogram.js'
import { probeEventLoop, probeMemory } from '../../servers/probe-reader.js'
import { cpuSecondsBetween, cpuTimes, memory, resetPeakRss } from '../../servers/proc.js'
import { boardSize } from '../board-size.js'
import type { EventLoopFigures, Target } from '../job.js'
import { sleep } from '../wait.js'
import type { Attack, AttackSpec } from './attack.js'
import { prepareMergeBurst } from './merge-burst.js'
import { preparePresenceFlood } from './presence-flood.js'
import {
  epochMs,
  type ProbeEdit,
  type ProbeRecord,
  type ProbeWorkerData,
  type ProbeWorkerMessage,
  type ServerGone,
} from './probe-worker.js'
import { prepareStep1Flood } from './step1-flood.js'

export interface HostileJob {
  readonly attack: AttackSpec
  /** The attacked room; `viewerUrl` is needed by the step 1 flood. */
  readonly target: Target
  /** Another room on the same server, for the honest probe. */
  readonly probe: Target
  readonly probeHz: number
  readonly baselineMs: number
  readonly attackMs: number
  readonly drainMs: number
  /** Resident memory past which the bench kills the server. */
  readonly ceilingBytes: number
  readonly seed: number
}

export interface HostileResult {
  /** The attacked room's document when the attack began (sync step 2 to a fresh client). */
  readonly boardBytes: number
  /** Frames the attackers sent. */
  readonly attackFrames: number
  /** How the server had closed the attackers' connections by the end, by close code. */
  readonly attackerCloses: Readonly<Record<string, number>>
  /** Resident memory just before the attack. */
  readonly rssBeforeBytes: number | null
  /** Peak resident memory from the attack's start to the end of the drain. */
  readonly peakRssBytes: number | null
  /** Whether the peak is VmHWM (reset at the start) or only the highest 20 ms sample of VmRSS. */
  readonly peakFrom: 'VmHWM' | 'samples'
  readonly probeBaseline: HistogramData
  readonly probeDuringAttack: HistogramData
  /** Probe edits sent during the attack, and those never seen by the observer. */
  readonly probeSent: number
  readonly probeUnseen: number
  /** The attack's window as measured, from its start to its stop (earlier if the server died). */
  readonly attackElapsedMs: number
  /**
   * The server's event-loop delay from the attack's start until it answered the probe after the
   * attack's stop; null when it did not answer within 5 s (or was gone).
   */
  readonly eventLoop: EventLoopFigures | null
  /** The server's user + system CPU seconds (all threads) over the attack; null once gone. */
  readonly serverCpuSeconds: number | null
  /**
   * The generator process's CPU over the attack as a share of one core: the attackers on its
   * main thread and the honest probe in its worker thread alike. Near 1, the generator may be
   * what limited the attack and delayed the probe.
   */
  readonly generatorCpuShare: number
  /** The server died or was killed during the run. */
  readonly serverGone: (ServerGone & { readonly afterMs: number }) | null
}

const SAMPLE_MS = 20
const SETTLE_MS = 2000

interface Prepared {
  readonly attack: Attack
  readonly boardBytes: number
  close(): Promise<void>
}

async function prepare(job: HostileJob): Promise<Prepared> {
  const { attack: spec, target, seed } = job
  switch (spec.kind) {
    case 'step1-flood':
      return prepareStep1Flood(spec, target, seed)
    case 'merge-burst': {
      const boardBytes = await boardSize(target)
      return { attack: await prepareMergeBurst(spec, target, seed), boardBytes, close: noop }
    }
    case 'presence-flood': {
      const boardBytes = await boardSize(target)
      return { attack: await preparePresenceFlood(spec, target, seed), boardBytes, close: noop }
    }
  }
}

const noop = () => Promise.resolve()

/** The probe's worker: started, and its messages as promises. */
function startProbe(data: ProbeWorkerData) {
  const worker = new Worker(new URL('./probe-worker.js', import.meta.url), { workerData: data })
  let gone: ServerGone | null = null
  let onGone = () => {}
  const goneSignal = new Promise<void>((resolve) => (onGone = resolve))
  const stopped = new Promise<ProbeRecord>((resolve, reject) => {
    worker.on('message', (message: ProbeWorkerMessage) => {
      if (message.type === 'gone') {
        gone = message.gone
        onGone()
      } else if (message.type === 'stopped') resolve(message.record)
      else if (message.type === 'failed') reject(new Error(`probe: ${message.error}`))
    })
    worker.once('error', reject)
    worker.once('exit', (code) => reject(new Error(`the probe worker exited (${code})`)))
  })
  const ready = new Promise<void>((resolve, reject) => {
    worker.on('message', (message: ProbeWorkerMessage) => {
      if (message.type === 'ready') resolve()
    })
    stopped.catch(reject)
  })
  return {
    ready,
    /** Resolves after `ms`, or earlier once the server is gone. */
    wait: (ms: number) => Promise.race([sleep(ms), goneSignal]),
    get gone() {
      return gone
    },
    stop: async () => {
      worker.postMessage('stop')
      const record = await stopped
      await worker.terminate()
      return record
    },
    terminate: () => worker.terminate(),
  }
}

export async function runHostile(job: HostileJob): Promise<HostileResult> {
  const prepared = await prepare(job)
  const pid = job.target.pid
  await sleep(SETTLE_MS)
  await probeMemory(pid, job.target.probeFile)
  const probe = startProbe({
    probe: job.probe,
    hz: job.probeHz,
    seed: job.seed,
    sampleMs: SAMPLE_MS,
    ceilingBytes: job.ceilingBytes,
  })
  try {
    await probe.ready
    const baselineStart = epochMs()
    await probe.wait(job.baselineMs)
    // Starts a new delay histogram in the server, as run-job does at its window's start.
    await probeEventLoop(pid, job.target.probeFile)
    const rssBeforeBytes = memory(pid)?.rssBytes ?? null
    const reset = resetPeakRss(pid)
    const cpuBefore = cpuTimes(pid)
    const ownCpuBefore = process.cpuUsage()
    const attackStart = epochMs()
    prepared.attack.start()
    await probe.wait(job.attackMs)
    prepared.attack.stop()
    const attackEnd = epochMs()
    const cpuAfter = cpuTimes(pid)
    const ownCpu = process.cpuUsage(ownCpuBefore)
    // Asked now but awaited after the drain: a server still busy with the attack may take up to
    // 5 s to answer, and the drain must start on time all the same.
    const eventLoopRead = probeEventLoop(pid, job.target.probeFile)
    await probe.wait(job.drainMs)
    const eventLoop = await eventLoopRead
    const final = memory(pid)
    const record = await probe.stop()
    const attackerCloses = await prepared.attack.close()
    await prepared.close()

    const during = record.samples.filter(([at]) => at >= attackStart)
    const peaks = during.map(([, rss, peak]) => (reset ? Math.max(rss, peak) : rss))
    if (final) peaks.push(reset ? final.peakBytes : final.rssBytes)
    const inAttack = record.edits.filter(([at]) => at >= attackStart && at <= attackEnd)
    const gone = record.gone ?? probe.gone
    const attackElapsedMs = attackEnd - attackStart
    return {
      boardBytes: prepared.boardBytes,
      attackFrames: prepared.attack.sent,
      attackerCloses,
      rssBeforeBytes,
      peakRssBytes: peaks.length > 0 ? Math.max(...peaks) : null,
      peakFrom: reset ? 'VmHWM' : 'samples',
      probeBaseline: latencies(
        record.edits.filter(([at]) => at >= baselineStart && at < attackStart),
        record.stoppedAtMs,
      ),
      probeDuringAttack: latencies(inAttack, record.stoppedAtMs),
      probeSent: inAttack.length,
      probeUnseen: inAttack.filter(([, latency]) => latency === null).length,
      attackElapsedMs,
      eventLoop,
      serverCpuSeconds: cpuSecondsBetween(cpuBefore, cpuAfter),
      generatorCpuShare: (ownCpu.user + ownCpu.system) / 1000 / attackElapsedMs,
      serverGone: gone ? { ...gone, afterMs: gone.atMs - attackStart } : null,
    }
  } catch (error) {
    await probe.terminate()
    await prepared.attack.close()
    await prepared.close()
    throw error
  }
}

/** The edits' latencies; an unseen edit counts as late by the time it had (a lower bound). */
function latencies(edits: readonly ProbeEdit[], stoppedAtMs: number): HistogramData {
  const histogram = new Histogram()
  for (const [sentAt, latencyUs] of edits) {
    histogram.record(latencyUs ?? (stoppedAtMs - sentAt) * 1000)
  }
  return histogram.toData()
}

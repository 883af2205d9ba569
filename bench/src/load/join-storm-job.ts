/**
 * Scenario (5), the generator's side: a room with a large document (`large-board.ts`: real Yjs
 * edits — notes with a paragraph of text in `tldraw:records`, one transaction per batch, sent
 * as the updates they produced), then `joiners` clients join it at once while a probe room next to it (one
 * writer, one observer, `probeHz` edits a second) measures whether the server stays responsive.
 */
import { Histogram, type HistogramData } from '../report/histogram.js'
import { cpuSeconds, peakRssBytes, resetPeakRss } from '../servers/proc.js'
import { untilServerHolds } from './board-size.js'
import { dialectFor } from './dialect.js'
import { ShapeWriter } from './edits.js'
import type { Target } from './job.js'
import { largeBoard } from './large-board.js'
import { nowUs, scanMarks } from './marks.js'
import { RawClient } from './raw-client.js'
import { prng, sleep, waitUntil, withTimeout } from './wait.js'
import { SYNC_UPDATE, syncMessage } from './wire.js'

export interface JoinStormJob {
  /** The room with the large document. */
  readonly target: Target
  /** Another room on the same server, for the probe. */
  readonly probe: Target
  readonly joiners: number
  /** The document's size (its encoded state), roughly. */
  readonly documentBytes: number
  readonly probeHz: number
  /** The probe alone, before the storm. */
  readonly baselineMs: number
  readonly seed: number
}

export interface JoinStormResult {
  /** The encoded state of the document as built. */
  readonly documentBytes: number
  /** Time from each joiner's connect to its first complete sync. */
  readonly join: HistogramData
  readonly joined: number
  /** From the storm's start to the last joiner's sync. */
  readonly stormMs: number
  readonly probeBaseline: HistogramData
  readonly probeDuringStorm: HistogramData
  readonly serverCpuSeconds: number | null
  readonly serverPeakRssBytes: number | null
}

const SYNC_TIMEOUT_MS = 60_000

export async function runJoinStorm(job: JoinStormJob): Promise<JoinStormResult> {
  const dialect = dialectFor(job.target)
  const { updates, bytes: size, stateVector } = largeBoard(job.documentBytes, job.seed)

  // The facilitator writes the document and stays: the room is loaded when the storm comes.
  const seeder = new RawClient({ url: job.target.url, dialect })
  await withTimeout(seeder.synced, SYNC_TIMEOUT_MS, 'the seeder to sync')
  for (const update of updates) seeder.send(syncMessage(SYNC_UPDATE, update))
  await untilServerHolds(job.target, stateVector)

  const probeDialect = dialectFor(job.probe)
  let histogram = new Histogram()
  const observer = new RawClient({
    url: job.probe.url,
    dialect: probeDialect,
    onFrame: (frame) => {
      const arrival = nowUs()
      scanMarks(frame, (_, __, sentAtUs) => histogram.record(arrival - sentAtUs))
    },
  })
  const probeWriter = new RawClient({ url: job.probe.url, dialect: probeDialect })
  await withTimeout(
    Promise.all([observer.synced, probeWriter.synced]),
    SYNC_TIMEOUT_MS,
    'the probe to sync',
  )
  const shapes = new ShapeWriter(0, 1 + Math.floor(prng(job.seed + 1)() * 0x7ffffffe), {
    x: 0,
    y: 0,
  })
  const timer = setInterval(() => probeWriter.send(shapes.next()), 1000 / job.probeHz)
  await sleep(job.baselineMs)
  const probeBaseline = histogram.toData()
  histogram = new Histogram()

  resetPeakRss(job.target.pid)
  const cpuBefore = cpuSeconds(job.target.pid)
  const join = new Histogram()
  const stormStart = performance.now()
  let joined = 0
  const joiners = Array.from({ length: job.joiners }, () => {
    const started = performance.now()
    const client = new RawClient({ url: job.target.url, dialect })
    client.synced.then(
      () => {
        join.record((performance.now() - started) * 1000)
        joined += 1
      },
      () => {},
    )
    return client
  })
  await waitUntil(() => joined === job.joiners, SYNC_TIMEOUT_MS)
  const stormMs = performance.now() - stormStart
  const probeDuringStorm = histogram.toData()
  const cpuAfter = cpuSeconds(job.target.pid)
  const serverPeakRssBytes = peakRssBytes(job.target.pid)

  clearInterval(timer)
  shapes.destroy()
  await Promise.all([...joiners, seeder, observer, probeWriter].map((client) => client.close()))
  return {
    documentBytes: size,
    join: join.toData(),
    joined,
    stormMs,
    probeBaseline,
    probeDuringStorm,
    serverCpuSeconds: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
    serverPeakRssBytes,
  }
}

/**
 * The honest side of a hostile scenario, in a worker thread of the generator: a writer and an
 * observer in another room (the probe room) moving a note at `hz`, and a sampler of the server's
 * memory. A thread of its own so that the attackers' sending never delays its timers or its
 * reading: what it measures is the server, not the generator's busy event loop.
 *
 * The sampler is also the bench's safety net: past `ceilingBytes` of resident memory it kills
 * the server (SIGKILL), so that an attack that would take the machine down stops at a figure.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { memory } from '../../servers/proc.js'
import { dialectFor } from '../dialect.js'
import type { Target } from '../job.js'
import { formatMark, nowUs, scanMarks } from '../marks.js'
import { RawClient } from '../raw-client.js'
import { prng, withTimeout } from '../wait.js'
import { NoteMover } from './note-mover.js'

export interface ProbeWorkerData {
  readonly probe: Target
  readonly hz: number
  readonly seed: number
  readonly sampleMs: number
  readonly ceilingBytes: number
}

/** A probe edit: when it was sent (ms since the epoch) and its latency in µs, null if unseen. */
export type ProbeEdit = readonly [sentAtMs: number, latencyUs: number | null]

/** A memory sample: when (ms since the epoch), VmRSS and VmHWM in bytes. */
export type MemorySample = readonly [atMs: number, rssBytes: number, peakBytes: number]

export interface ServerGone {
  readonly atMs: number
  /** `ceiling`: killed by the sampler; `exited`: gone by itself (crashed, OOM-killed). */
  readonly how: 'ceiling' | 'exited'
}

export interface ProbeRecord {
  readonly edits: readonly ProbeEdit[]
  readonly samples: readonly MemorySample[]
  readonly gone: ServerGone | null
  /** When the probe stopped: unseen edits had until then. */
  readonly stoppedAtMs: number
}

export type ProbeWorkerMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'gone'; readonly gone: ServerGone }
  | { readonly type: 'stopped'; readonly record: ProbeRecord }
  | { readonly type: 'failed'; readonly error: string }

/** Milliseconds since the epoch, to the microsecond: comparable across the generator's threads. */
export function epochMs(): number {
  return performance.timeOrigin + performance.now()
}

const SYNC_TIMEOUT_MS = 30_000
const SYNC_WRITER = 0

async function run(data: ProbeWorkerData, port: NonNullable<typeof parentPort>): Promise<void> {
  const post = (message: ProbeWorkerMessage) => port.postMessage(message)
  const pid = data.probe.pid
  const samples: MemorySample[] = []
  let gone: ServerGone | null = null
  const sampler = setInterval(() => {
    if (gone) return
    const at = epochMs()
    const now = memory(pid)
    if (now === null) gone = { atMs: at, how: 'exited' }
    else {
      samples.push([at, now.rssBytes, now.peakBytes])
      if (now.rssBytes > data.ceilingBytes) {
        process.kill(pid, 'SIGKILL')
        gone = { atMs: at, how: 'ceiling' }
      }
    }
    if (gone) post({ type: 'gone', gone })
  }, data.sampleMs)

  const sentAt: number[] = []
  const latencies: Array<number | null> = []
  const dialect = dialectFor(data.probe)
  const observer = new RawClient({
    url: data.probe.url,
    dialect,
    onFrame: (frame) => {
      const arrival = nowUs()
      scanMarks(frame, (writer, seq, sentAtUs) => {
        if (writer === SYNC_WRITER && latencies[seq] === null) latencies[seq] = arrival - sentAtUs
      })
    },
  })
  const writer = new RawClient({ url: data.probe.url, dialect })
  await withTimeout(
    Promise.all([observer.synced, writer.synced]),
    SYNC_TIMEOUT_MS,
    'the probe room to sync',
  )
  const mover = new NoteMover(0, 1 + Math.floor(prng(data.seed + 1)() * 0x7ffffffe))
  const periodMs = 1000 / data.hz
  let due = performance.now()
  let timer: NodeJS.Timeout | undefined
  // Due times are fixed from the start and a late timer catches up, as in the steady scenarios:
  // the probe's rate does not bend to the load.
  const tick = () => {
    for (const now = performance.now(); due <= now; due += periodMs) {
      const seq = sentAt.length
      sentAt.push(epochMs())
      latencies.push(null)
      writer.send(mover.next(formatMark(SYNC_WRITER, seq, nowUs())))
    }
    timer = setTimeout(tick, due - performance.now())
  }
  tick()
  post({ type: 'ready' })

  port.once('message', () => {
    clearTimeout(timer)
    clearInterval(sampler)
    const stoppedAtMs = epochMs()
    const edits = sentAt.map((at, seq): ProbeEdit => [at, latencies[seq] ?? null])
    mover.destroy()
    void Promise.all([observer.close(), writer.close()]).then(() =>
      post({ type: 'stopped', record: { edits, samples, gone, stoppedAtMs } }),
    )
  })
}

if (parentPort) {
  const port = parentPort
  run(workerData as ProbeWorkerData, port).catch((error: unknown) =>
    port.postMessage({
      type: 'failed',
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    } satisfies ProbeWorkerMessage),
  )
}

/**
 * Scenario (6), the generator's side. N writers drag shapes at `hz` in one room, as in the drag
 * scenario (every writer also receives the others' edits). After the warm-up the generator tells
 * the orchestrator "loaded", and the orchestrator kills the server with SIGKILL. Once every socket
 * has closed, sending stops and the answer says, per writer, how far its edits had been seen: the
 * highest clock of its that any other client had received from the server.
 *
 * A writer's updates are one clock each and build on one another (each sets the same key again),
 * so a restarted server that holds clock c of a writer holds its first c updates: an update seen
 * at clock c' > c is lost.
 */
import { dialectFor } from './dialect.js'
import { ShapeWriter } from './edits.js'
import type { Target } from './job.js'
import { scanMarks } from './marks.js'
import { RawClient } from './raw-client.js'
import { prng, sleep, waitUntil, withTimeout } from './wait.js'

export interface DurabilityJob {
  readonly target: Target
  readonly writers: number
  readonly hz: number
  /** Sending before "loaded". */
  readonly warmupMs: number
  /** How long after "loaded" the orchestrator kills the server (a bound on waiting for it). */
  readonly killAfterMs: number
  readonly seed: number
}

export interface WriterFigures {
  readonly clientId: number
  /** The writer's clock when the server died: its updates sent. */
  readonly sentClock: number
  /** The highest of its clocks any other client had received. */
  readonly seenClock: number
}

export interface DurabilitySeen {
  readonly writers: readonly WriterFigures[]
  readonly connectMs: number
}

const CONNECT_TIMEOUT_MS = 30_000
/** After the kill is due, how long the sockets may take to notice. */
const CLOSE_SLACK_MS = 10_000

export async function runDurability(
  job: DurabilityJob,
  progress: (note: string) => void,
): Promise<DurabilitySeen> {
  const dialect = dialectFor(job.target)
  const random = prng(job.seed)
  const writers = Array.from({ length: job.writers }, (_, writer) => {
    const origin = { x: Math.round(random() * 2000), y: Math.round(random() * 2000) }
    return new ShapeWriter(writer, 1 + Math.floor(random() * 0x7ffffffe), origin)
  })
  /** Per writer, the writer's clock after each of its edits (by seq). */
  const clocks: number[][] = writers.map(() => [])
  const seenSeq = new Int32Array(job.writers).fill(-1)
  let open = job.writers

  const connectStart = performance.now()
  const clients = writers.map(
    (_, index) =>
      new RawClient({
        url: job.target.url,
        dialect,
        onClose: () => (open -= 1),
        onFrame: (frame) =>
          scanMarks(frame, (writer, seq) => {
            if (writer !== index && writer < job.writers && seq > (seenSeq[writer] as number)) {
              seenSeq[writer] = seq
            }
          }),
      }),
  )
  await withTimeout(
    Promise.all(clients.map((client) => client.synced)),
    CONNECT_TIMEOUT_MS,
    'the writers to sync',
  )
  const connectMs = performance.now() - connectStart

  let sending = true
  const periodMs = 1000 / job.hz
  const start = performance.now()
  const timers: NodeJS.Timeout[] = []
  writers.forEach((writer, index) => {
    let due = start + random() * periodMs
    const tick = () => {
      for (const now = performance.now(); due <= now && sending; due += periodMs) {
        const message = writer.next()
        clocks[index]?.push(writer.clock)
        clients[index]?.send(message)
      }
      if (sending) timers[index] = setTimeout(tick, due - performance.now())
    }
    timers[index] = setTimeout(tick, due - start)
  })
  await sleep(job.warmupMs)
  progress('loaded')
  await waitUntil(() => open === 0, job.killAfterMs + CLOSE_SLACK_MS)
  sending = false
  for (const timer of timers) clearTimeout(timer)
  if (open > 0)
    throw new Error(`${open} of ${job.writers} sockets still open: the server was not killed`)

  const figures = writers.map((writer, index) => {
    const seq = seenSeq[index] as number
    return {
      clientId: writer.clientId,
      sentClock: writer.clock,
      seenClock: seq < 0 ? 0 : (clocks[index]?.[seq] ?? 0),
    }
  })
  await Promise.all(clients.map((client) => client.close()))
  for (const writer of writers) writer.destroy()
  return { writers: figures, connectMs }
}

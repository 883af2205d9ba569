/**
 * Scenario (4), the generator's side: rooms of 3 clients (one writer moving a shape at `hz`, two
 * observers), grown in steps until the observers' p99 passes `p99LimitMs` or the steps run out.
 * After each step the server's memory (after a full GC, from its probe); then `idleConnections`
 * clients that only sync join the loaded rooms; then everyone leaves and, after `unloadWaitMs`,
 * the memory again: what rooms cost once nobody is in them.
 */
import { Histogram, type HistogramData } from '../report/histogram.js'
import { type MemoryFigures, probeMemory } from '../servers/probe-reader.js'
import { dialectFor } from './dialect.js'
import { ShapeWriter } from './edits.js'
import type { Target } from './job.js'
import { nowUs, scanMarks } from './marks.js'
import { RawClient } from './raw-client.js'
import { prng, sleep, withTimeout } from './wait.js'

export interface RoomsJob {
  /** One target per room, as many as the last step needs. */
  readonly targets: readonly Target[]
  /** Rooms in use at each step, growing. */
  readonly steps: readonly number[]
  readonly hz: number
  readonly stepMs: number
  readonly p99LimitMs: number
  readonly idleConnections: number
  readonly unloadWaitMs: number
  readonly seed: number
}

export interface RoomsStep {
  readonly rooms: number
  readonly latency: HistogramData
  readonly memory: MemoryFigures | null
}

export interface RoomsResult {
  /** Before any client connected. */
  readonly baseline: MemoryFigures | null
  readonly steps: readonly RoomsStep[]
  readonly idleConnections: number
  readonly beforeIdle: MemoryFigures | null
  readonly withIdle: MemoryFigures | null
  /** Every client gone, `unloadWaitMs` later. */
  readonly unloaded: MemoryFigures | null
}

const CONNECT_BATCH = 50
const CONNECT_TIMEOUT_MS = 30_000
const SETTLE_MS = 500

export async function runRooms(job: RoomsJob): Promise<RoomsResult> {
  const first = job.targets[0]
  if (!first) throw new Error('no rooms')
  const { pid, probeFile } = first
  const random = prng(job.seed)
  const baseline = await probeMemory(pid, probeFile)
  const clients: RawClient[] = []
  const timers: NodeJS.Timeout[] = []
  const writers: ShapeWriter[] = []
  let histogram = new Histogram()
  let measuring = false

  const connect = async (make: () => RawClient[]) => {
    const batch = make()
    clients.push(...batch)
    await withTimeout(
      Promise.all(batch.map((client) => client.synced)),
      CONNECT_TIMEOUT_MS,
      `${batch.length} clients to sync`,
    )
  }
  const openRoom = (room: number, target: Target): RawClient[] => {
    const dialect = dialectFor(target)
    const observe = (frame: Buffer) => {
      if (!measuring) return
      const arrival = nowUs()
      scanMarks(frame, (_, __, sentAtUs) => histogram.record(arrival - sentAtUs))
    }
    const writer = new RawClient({ url: target.url, dialect })
    const shapes = new ShapeWriter(room, 1 + Math.floor(random() * 0x7ffffffe), { x: 0, y: 0 })
    writers.push(shapes)
    const periodMs = 1000 / job.hz
    setTimeout(() => {
      timers.push(setInterval(() => writer.send(shapes.next()), periodMs))
    }, random() * periodMs)
    return [
      writer,
      new RawClient({ url: target.url, dialect, onFrame: observe }),
      new RawClient({ url: target.url, dialect, onFrame: observe }),
    ]
  }

  const steps: RoomsStep[] = []
  let rooms = 0
  for (const goal of job.steps) {
    while (rooms < goal) {
      const from = rooms
      rooms = Math.min(goal, rooms + Math.ceil(CONNECT_BATCH / 3))
      await connect(() =>
        job.targets.slice(from, rooms).flatMap((target, index) => openRoom(from + index, target)),
      )
    }
    await sleep(SETTLE_MS)
    histogram = new Histogram()
    measuring = true
    await sleep(job.stepMs)
    measuring = false
    const latency = histogram.toData()
    steps.push({ rooms, latency, memory: await probeMemory(pid, probeFile) })
    if ((Histogram.from(latency).percentileUs(99) ?? 0) / 1000 > job.p99LimitMs) break
  }

  const beforeIdle = await probeMemory(pid, probeFile)
  for (let done = 0; done < job.idleConnections;) {
    const from = done
    done = Math.min(job.idleConnections, done + CONNECT_BATCH)
    await connect(() =>
      Array.from({ length: done - from }, (_, index) => {
        const target = job.targets[(from + index) % rooms] as Target
        return new RawClient({ url: target.url, dialect: dialectFor(target) })
      }),
    )
  }
  await sleep(SETTLE_MS)
  const withIdle = await probeMemory(pid, probeFile)

  for (const timer of timers) clearInterval(timer)
  await Promise.all(clients.map((client) => client.close()))
  for (const writer of writers) writer.destroy()
  await sleep(job.unloadWaitMs)
  const unloaded = await probeMemory(pid, probeFile)
  return {
    baseline,
    steps,
    idleConnections: job.idleConnections,
    beforeIdle,
    withIdle,
    unloaded,
  }
}

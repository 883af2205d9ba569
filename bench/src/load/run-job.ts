/**
 * One run of one load against one server, inside the generator process:
 *
 *   connect   checkers, then every client (sync handshake done before anything is sent)
 *   warm up   writers send at their rate; nothing is measured
 *   window    each writer's next seq is the first measured one; server CPU, peak memory and
 *             event-loop delay start from here
 *   drain     sending stops; wait until every measured edit has reached every other client, or
 *             the drain time is over (what is missing then was not delivered)
 *   check     the checkers must hold the same document (or presence) with every writer's last edit
 */
import { Histogram } from '../report/histogram.js'
import { probeEventLoop } from '../servers/probe-reader.js'
import { cpuSecondsBetween, cpuTimes, peakRssBytes, resetPeakRss } from '../servers/proc.js'
import { Checker } from './checker.js'
import { dialectFor } from './dialect.js'
import { PresenceWriter, ShapeWriter } from './edits.js'
import type { Convergence, Job, JobResult, Load } from './job.js'
import { DeliveryLedger, nowUs, scanMarks } from './marks.js'
import { RawClient } from './raw-client.js'
import { prng, sleep, waitUntil, withTimeout } from './wait.js'

const CONNECT_BATCH = 50
const CONNECT_TIMEOUT_MS = 30_000

export async function runJob(job: Job): Promise<JobResult> {
  const { target, load, timing } = job
  const dialect = dialectFor(target)
  const random = prng(job.seed)
  const receivers = load.writers + load.observers
  const plannedEdits =
    (load.hz * (timing.warmupMs + timing.measureMs)) / 1000 + (timing.editsPerWriter ?? 0)
  const ledger = new DeliveryLedger(load.writers, receivers, Math.ceil(plannedEdits) + 16)
  const latency = new Histogram()
  const closes: Record<string, number> = {}
  const onClose = (code: number) => (closes[code] = (closes[code] ?? 0) + 1)

  const connectStart = performance.now()
  const checkers = Array.from({ length: load.checkers }, () => new Checker(target.url, dialect))
  await withTimeout(
    Promise.all(checkers.map((checker) => checker.client.synced)),
    CONNECT_TIMEOUT_MS,
    'checkers to sync',
  )
  const clients: RawClient[] = []
  for (let first = 0; first < receivers; first += CONNECT_BATCH) {
    const batch: RawClient[] = []
    for (let index = first; index < Math.min(receivers, first + CONNECT_BATCH); index++) {
      // Clients 0…writers-1 are the writers: a client never counts its own edits.
      const self = index < load.writers ? index : -1
      const client = new RawClient({
        url: target.url,
        dialect,
        onClose,
        onFrame: (frame) => {
          const arrival = nowUs()
          scanMarks(frame, (writer, seq, sentAtUs) => {
            if (ledger.record(index, self, writer, seq)) latency.record(arrival - sentAtUs)
          })
        },
      })
      batch.push(client)
    }
    await withTimeout(
      Promise.all(batch.map((client) => client.synced)),
      CONNECT_TIMEOUT_MS,
      `clients ${first}–${first + batch.length - 1} to sync`,
    )
    clients.push(...batch)
  }
  const connectMs = performance.now() - connectStart

  const writers = Array.from({ length: load.writers }, (_, writer) => {
    const origin = { x: Math.round(random() * 2000), y: Math.round(random() * 2000) }
    const clientId = 1 + Math.floor(random() * 0x7ffffffe)
    return load.edits === 'doc'
      ? new ShapeWriter(writer, clientId, origin)
      : new PresenceWriter(writer, clientId, origin)
  })
  const limit = timing.editsPerWriter ?? Number.POSITIVE_INFINITY
  const measuredSoFar = (writer: number) =>
    (writers[writer]?.nextSeq ?? 0) - (ledger.firstMeasured[writer] as number)
  let sending = true
  const timers: NodeJS.Timeout[] = []
  const periodMs = 1000 / load.hz
  const start = performance.now()
  writers.forEach((writer, index) => {
    // Due times are fixed from the start (spread over the period by a seeded phase), and a late
    // timer catches up: every server gets the same number of edits, however its bursts slow
    // the generator down.
    let due = start + random() * periodMs
    const tick = () => {
      const now = performance.now()
      for (; due <= now && sending; due += periodMs) {
        if (measuredSoFar(index) < limit) clients[index]?.send(writer.next())
      }
      if (sending) timers[index] = setTimeout(tick, due - performance.now())
    }
    timers[index] = setTimeout(tick, due - start)
  })

  await sleep(timing.warmupMs)
  await probeEventLoop(target.pid, target.probeFile)
  resetPeakRss(target.pid)
  const cpuBefore = cpuTimes(target.pid)
  const ownCpuBefore = process.cpuUsage()
  const windowStart = performance.now()
  writers.forEach((writer, index) => (ledger.firstMeasured[index] = writer.nextSeq))

  await waitUntil(
    () => writers.every((_, index) => measuredSoFar(index) >= limit),
    timing.measureMs,
  )
  sending = false
  for (const timer of timers) clearTimeout(timer)
  const sent = writers.reduce((sum, _, index) => sum + measuredSoFar(index), 0)
  // Every writer is a client too, and is owed everyone's edits but its own.
  const expected = sent * (receivers - 1)
  await waitUntil(() => ledger.delivered >= expected, timing.drainMs)
  const elapsedMs = performance.now() - windowStart
  const cpuAfter = cpuTimes(target.pid)
  const ownCpu = process.cpuUsage(ownCpuBefore)
  const serverPeakRssBytes = peakRssBytes(target.pid)
  const eventLoop = await probeEventLoop(target.pid, target.probeFile)

  const lastSeqs = writers.map((writer) => writer.nextSeq - 1)
  const convergence = await converge(checkers, load, lastSeqs, timing.drainMs)

  await Promise.all([
    ...clients.map((client) => client.close()),
    ...checkers.map((checker) => checker.close()),
  ])
  for (const writer of writers) if (writer instanceof ShapeWriter) writer.destroy()

  return {
    sent,
    expected,
    delivered: ledger.delivered,
    latency: latency.toData(),
    elapsedMs,
    serverCpuSeconds: cpuSecondsBetween(cpuBefore, cpuAfter),
    serverSystemCpuSeconds:
      cpuBefore === null || cpuAfter === null
        ? null
        : cpuAfter.systemSeconds - cpuBefore.systemSeconds,
    serverPeakRssBytes,
    eventLoop,
    generatorCpuShare: (ownCpu.user + ownCpu.system) / 1000 / elapsedMs,
    convergence,
    closes,
    connectMs,
  }
}

async function converge(
  checkers: readonly Checker[],
  load: Load,
  lastSeqs: readonly number[],
  timeoutMs: number,
): Promise<Convergence> {
  if (checkers.length === 0) {
    return { checkers: 0, identical: true, complete: true, detail: 'no checkers' }
  }
  const seqsOf = (checker: Checker) =>
    load.edits === 'doc' ? checker.shapeSeqs(load.writers) : checker.presenceSeqs(load.writers)
  const isComplete = (checker: Checker) =>
    seqsOf(checker).every((seq, writer) => seq === lastSeqs[writer])
  await waitUntil(() => checkers.every(isComplete), timeoutMs)
  const fingerprints = new Set(checkers.map((checker) => checker.fingerprint(load.edits)))
  const incomplete = checkers.filter((checker) => !isComplete(checker)).length
  const identical = fingerprints.size === 1
  return {
    checkers: checkers.length,
    identical,
    complete: incomplete === 0,
    detail: [
      identical
        ? `${checkers.length} checkers identical`
        : `${fingerprints.size} different states among ${checkers.length} checkers`,
      incomplete === 0
        ? "every writer's last edit present"
        : `${incomplete} missing some writer's last edit`,
    ].join(', '),
  }
}

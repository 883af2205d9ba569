/** Asks a server's event-loop probe (`eld-probe.ts`) for its figures, from the generator. */
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import type { EventLoopFigures } from '../load/job.js'

/** A saturated server runs the probe's signal handler late; past this, its figure is n/a. */
const ANSWER_TIMEOUT_MS = 5000

interface ProbeFile extends EventLoopFigures {
  readonly seq: number
  readonly samples: number
  readonly rssBytes?: number
  readonly heapUsedBytes?: number
}

export interface MemoryFigures {
  readonly rssBytes: number
  readonly heapUsedBytes: number
}

function read(file: string): ProbeFile | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ProbeFile
  } catch {
    return null
  }
}

/**
 * Signals the probe and waits for its answer: the figures since the previous call (a call at the
 * start of a window resets it). Null when the process has no probe, or it does not answer within
 * `ANSWER_TIMEOUT_MS`.
 */
export async function probeEventLoop(pid: number, file: string): Promise<EventLoopFigures | null> {
  const figures = await ask(pid, file)
  return figures && figures.samples > 0
    ? { p50Ms: figures.p50Ms, p99Ms: figures.p99Ms, maxMs: figures.maxMs }
    : null
}

/** The server's memory after a full garbage collection (and a new event-loop histogram). */
export async function probeMemory(pid: number, file: string): Promise<MemoryFigures | null> {
  writeFileSync(`${file}.gc`, '')
  try {
    const figures = await ask(pid, file)
    return figures?.rssBytes === undefined || figures.heapUsedBytes === undefined
      ? null
      : { rssBytes: figures.rssBytes, heapUsedBytes: figures.heapUsedBytes }
  } finally {
    rmSync(`${file}.gc`, { force: true })
  }
}

async function ask(pid: number, file: string): Promise<ProbeFile | null> {
  const previous = read(file)
  if (!previous) return null
  const before = previous.seq
  try {
    process.kill(pid, 'SIGUSR2')
  } catch {
    return null
  }
  const deadline = performance.now() + ANSWER_TIMEOUT_MS
  while (performance.now() < deadline) {
    const figures = read(file)
    if (figures && figures.seq > before) return figures
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  return null
}

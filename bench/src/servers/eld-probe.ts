/**
 * Preloaded into each server process (`node --import …/eld-probe.js <server>`), so that every
 * server's event-loop delay is measured the same way, with none of them changed: on SIGUSR2 it
 * writes the delay histogram since the last signal to `BENCH_PROBE_FILE` and starts a new one.
 *
 * The histogram samples a timer every `RESOLUTION_MS`; Node records the whole interval, so the
 * resolution is subtracted to get the delay. The file exists from the start, so that a process
 * without the probe (whom SIGUSR2 would kill) is never signalled.
 *
 * Each answer also carries the process's memory. When `<file>.gc` exists, the probe first runs a
 * full garbage collection (every server is started with `--expose-gc`, and nothing else calls
 * it), so that what the rooms scenario compares is live memory rather than garbage.
 */
import { existsSync, renameSync, writeFileSync } from 'node:fs'
import { monitorEventLoopDelay } from 'node:perf_hooks'

const RESOLUTION_MS = 2
const file = process.env.BENCH_PROBE_FILE

if (file) {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS })
  histogram.enable()
  let seq = 0
  const delayMs = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION_MS)
  const gc = (globalThis as { gc?: () => void }).gc
  const write = () => {
    if (gc && existsSync(`${file}.gc`)) gc()
    const memory = process.memoryUsage()
    const figures = {
      rssBytes: memory.rss,
      heapUsedBytes: memory.heapUsed,
      seq,
      samples: histogram.count,
      p50Ms: delayMs(histogram.percentile(50)),
      p99Ms: delayMs(histogram.percentile(99)),
      maxMs: delayMs(histogram.max),
    }
    writeFileSync(`${file}.tmp`, JSON.stringify(figures))
    renameSync(`${file}.tmp`, file)
    histogram.reset()
  }
  write()
  process.on('SIGUSR2', () => {
    seq += 1
    write()
  })
}

/**
 * A server process's CPU time and peak memory, read from Linux's /proc — the same way for every
 * server, whatever it reports itself. Elsewhere these read as null ("n/a" in the report).
 */
import { readFileSync, writeFileSync } from 'node:fs'

/** Clock ticks per second for /proc/<pid>/stat (`getconf CLK_TCK`: 100 on Linux). */
const TICKS_PER_SECOND = 100

export interface CpuTimes {
  readonly userSeconds: number
  /** Time in the kernel on the process's behalf: socket writes and reads, fsync, page faults. */
  readonly systemSeconds: number
}

/** User and system CPU seconds of every thread of the process so far. */
/** CPU seconds (user + system) spent between two readings; null if either is missing. */
export function cpuSecondsBetween(before: CpuTimes | null, after: CpuTimes | null): number | null {
  if (before === null || after === null) return null
  return after.userSeconds + after.systemSeconds - before.userSeconds - before.systemSeconds
}

export function cpuTimes(pid: number): CpuTimes | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return {
      userSeconds: Number(fields[11]) / TICKS_PER_SECOND,
      systemSeconds: Number(fields[12]) / TICKS_PER_SECOND,
    }
  } catch {
    return null
  }
}

/** User plus system CPU seconds of every thread of the process so far. */
export function cpuSeconds(pid: number): number | null {
  const times = cpuTimes(pid)
  return times === null ? null : times.userSeconds + times.systemSeconds
}

/** Peak resident memory (VmHWM) since the process started or since `resetPeakRss`. */
export function peakRssBytes(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(status)
    return match ? Number(match[1]) * 1024 : null
  } catch {
    return null
  }
}

export interface Memory {
  /** VmRSS: resident now. */
  readonly rssBytes: number
  /** VmHWM: the peak since the process started or since `resetPeakRss`. */
  readonly peakBytes: number
}

/** Resident memory now and its peak, in one read of /proc/<pid>/status; null once it is gone. */
export function memory(pid: number): Memory | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const rss = /^VmRSS:\s+(\d+) kB$/m.exec(status)
    const peak = /^VmHWM:\s+(\d+) kB$/m.exec(status)
    if (!rss || !peak) return null
    return { rssBytes: Number(rss[1]) * 1024, peakBytes: Number(peak[1]) * 1024 }
  } catch {
    return null
  }
}

/** Starts a new peak at the current resident size (Linux ≥ 4.0: `5` to clear_refs). */
export function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5')
    return true
  } catch {
    return false
  }
}

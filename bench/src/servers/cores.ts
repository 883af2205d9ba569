/**
 * One core for the server under test, another for the load generator, when the machine has two
 * and `taskset` (util-linux) is there; otherwise nothing is pinned and the report says so.
 */
import { spawnSync } from 'node:child_process'
import { availableParallelism } from 'node:os'

export interface Cores {
  readonly server: number | null
  readonly generator: number | null
}

export function chooseCores(pin: boolean): Cores {
  if (!pin || availableParallelism() < 2) return { server: null, generator: null }
  const taskset = spawnSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' })
  if (taskset.status !== 0) return { server: null, generator: null }
  return { server: 1, generator: 0 }
}

/** The command and arguments that run `node …args`, pinned to `core` when given. */
export function nodeCommand(core: number | null, args: readonly string[]): [string, string[]] {
  return core === null
    ? [process.execPath, [...args]]
    : ['taskset', ['-c', String(core), process.execPath, ...args]]
}

/** Runs one task in a new generator process, pinned to the generator's core. */
import { spawn } from 'node:child_process'
import type { GeneratorMessage, GeneratorTask, Job, JobResult } from '../load/job.js'
import { built } from '../paths.js'
import { nodeCommand } from '../servers/cores.js'

/** Connecting, then the job's own phases, then closing: beyond this the generator is stuck. */
const SLACK_MS = 90_000

export function generate(job: Job, core: number | null): Promise<JobResult> {
  const { warmupMs, measureMs, drainMs } = job.timing
  return runInGenerator<JobResult>({ task: 'load', job }, core, warmupMs + measureMs + 2 * drainMs)
}

/**
 * Sends `task` to a fresh generator and resolves with its result. `onProgress` hears the
 * generator's progress notes (e.g. "loaded": the orchestrator may act on the server now).
 */
export function runInGenerator<Result>(
  task: GeneratorTask,
  core: number | null,
  budgetMs: number,
  onProgress?: (note: string) => void,
): Promise<Result> {
  const [command, args] = nodeCommand(core, [built.generator])
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] })
  return new Promise<Result>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error('the load generator did not finish in time'))
    }, budgetMs + SLACK_MS)
    child.on('message', (message: GeneratorMessage) => {
      if ('progress' in message) {
        onProgress?.(message.progress)
        return
      }
      clearTimeout(timer)
      if (message.ok) resolve(message.result as Result)
      else reject(new Error(`load generator: ${message.error}`))
    })
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`the load generator exited (${code ?? signal}) without an answer`))
    })
    child.send(task)
  })
}

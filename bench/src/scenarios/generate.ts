/** Runs one job in a new generator process, pinned to the generator's core. */
import { spawn } from 'node:child_process'
import type { GeneratorReply, Job, JobResult } from '../load/job.js'
import { built } from '../paths.js'
import { nodeCommand } from '../servers/cores.js'

/** Connecting, then the job's own phases, then closing: beyond this the generator is stuck. */
const SLACK_MS = 90_000

export function generate(job: Job, core: number | null): Promise<JobResult> {
  const { warmupMs, measureMs, drainMs } = job.timing
  const [command, args] = nodeCommand(core, [built.generator])
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] })
  return new Promise<JobResult>((resolve, reject) => {
    const timer = setTimeout(
      () => {
        child.kill('SIGKILL')
        reject(new Error('the load generator did not finish in time'))
      },
      warmupMs + measureMs + 2 * drainMs + SLACK_MS,
    )
    child.once('message', (reply: GeneratorReply) => {
      clearTimeout(timer)
      if (reply.ok) resolve(reply.result)
      else reject(new Error(`load generator: ${reply.error}`))
    })
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`the load generator exited (${code ?? signal}) without an answer`))
    })
    child.send(job)
  })
}

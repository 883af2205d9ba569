/**
 * The load generator process: started by the orchestrator (pinned to its own core), it receives
 * one `Job` over IPC, runs it and answers with a `GeneratorReply`, then exits.
 */
import type { GeneratorReply, Job } from './job.js'
import { runJob } from './run-job.js'

function reply(message: GeneratorReply): void {
  process.send?.(message, () => process.exit(0))
}

process.once('message', (job: Job) => {
  runJob(job).then(
    (result) => reply({ ok: true, result }),
    (error: unknown) =>
      reply({
        ok: false,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  )
})

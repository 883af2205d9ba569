/**
 * The load generator process: started by the orchestrator (pinned to its own core), it receives
 * one `GeneratorTask` over IPC, runs it (telling the orchestrator of its progress when the task
 * needs it) and answers with a `GeneratorReply`, then exits.
 */
import { runDurability } from './durability-job.js'
import { runHostile } from './hostile/hostile-job.js'
import type { GeneratorMessage, GeneratorTask } from './job.js'
import { runJoinStorm } from './join-storm-job.js'
import { runRooms } from './rooms-job.js'
import { runJob } from './run-job.js'

function reply(message: GeneratorMessage): void {
  process.send?.(message, () => process.exit(0))
}

function progress(note: string): void {
  process.send?.({ progress: note } satisfies GeneratorMessage)
}

function run(task: GeneratorTask): Promise<unknown> {
  switch (task.task) {
    case 'load':
      return runJob(task.job)
    case 'durability':
      return runDurability(task.job, progress)
    case 'join-storm':
      return runJoinStorm(task.job)
    case 'rooms':
      return runRooms(task.job)
    case 'hostile':
      return runHostile(task.job)
  }
}

process.once('message', (task: GeneratorTask) => {
  run(task).then(
    (result) => reply({ ok: true, result }),
    (error: unknown) =>
      reply({
        ok: false,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  )
})

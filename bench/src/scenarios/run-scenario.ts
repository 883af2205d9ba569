/** One scenario against one server: a fresh server process, a new room, one generator run. */
import type { JobResult, ServerKind, Timing } from '../load/job.js'
import type { Cores } from '../servers/cores.js'
import { withFreshServer } from './fresh-server.js'
import { generate } from './generate.js'
import type { Scenario } from './scenarios.js'

export interface RunOutcome {
  readonly scenario: Scenario
  readonly server: ServerKind
  readonly result: JobResult | null
  /** Why the run has no result (the server did not start, clients were refused…). */
  readonly error: string | null
}

export async function runScenario(
  scenario: Scenario,
  kind: ServerKind,
  timing: Timing,
  cores: Cores,
  seed: number,
  dataRoot: string,
): Promise<RunOutcome> {
  const { result, error } = await withFreshServer(kind, cores, dataRoot, async (server) => {
    const target = await server.openRoom(`bench-${scenario.id}-${seed}`)
    return generate({ target, load: scenario.load, timing, seed }, cores.generator)
  })
  return { scenario, server: kind, result, error }
}

/**
 * One scenario against one server: a fresh server process (so memory and CPU figures are its
 * own), a new room, one generator run, then the server is stopped and its data removed.
 * Data goes under `dataRoot`, on a real disk (not a tmpfs `/tmp`): fsyncs must cost what they cost.
 */
import { mkdirSync, mkdtempSync } from 'node:fs'
import { join } from 'node:path'
import type { JobResult, ServerKind, Timing } from '../load/job.js'
import type { Cores } from '../servers/cores.js'
import { freePort } from '../servers/launch.js'
import { startServer } from '../servers/start-server.js'
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
  mkdirSync(dataRoot, { recursive: true })
  const dataDir = mkdtempSync(join(dataRoot, `${kind}-`))
  let server
  try {
    server = await startServer(kind, { dataDir, port: await freePort(), core: cores.server })
  } catch (error) {
    return { scenario, server: kind, result: null, error: String(error) }
  }
  try {
    const target = await server.openRoom(`bench-${scenario.id}-${seed}`)
    const result = await generate({ target, load: scenario.load, timing, seed }, cores.generator)
    return { scenario, server: kind, result, error: null }
  } catch (error) {
    const output = server.process.output()
    return { scenario, server: kind, result: null, error: `${String(error)}\n${output}` }
  } finally {
    await server.process.stop()
  }
}

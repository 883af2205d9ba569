/**
 * Every run gets a fresh server process (so memory and CPU figures are its own) with its data
 * under `dataRoot`, on a real disk (not a tmpfs `/tmp`): fsyncs must cost what they cost. The
 * server is stopped after the run, whatever happened; a failed run keeps the server's output.
 */
import { mkdirSync, mkdtempSync } from 'node:fs'
import { join } from 'node:path'
import type { ServerKind } from '../load/job.js'
import type { BenchServer, StartOptions } from '../servers/bench-server.js'
import type { Cores } from '../servers/cores.js'
import { freePort } from '../servers/launch.js'
import { startServer } from '../servers/start-server.js'

export type RunResult<T> =
  | { readonly result: T; readonly error: null }
  | {
      readonly result: null
      /** Why the run has no result (the server did not start, clients were refused…). */
      readonly error: string
    }

export async function withFreshServer<T>(
  kind: ServerKind,
  cores: Cores,
  dataRoot: string,
  run: (server: BenchServer) => Promise<T>,
  settings: Pick<StartOptions, 'limits' | 'env'> = {},
): Promise<RunResult<T>> {
  mkdirSync(dataRoot, { recursive: true })
  const dataDir = mkdtempSync(join(dataRoot, `${kind}-`))
  let server: BenchServer
  try {
    server = await startServer(kind, {
      ...settings,
      dataDir,
      port: await freePort(),
      core: cores.server,
    })
  } catch (error) {
    return { result: null, error: String(error) }
  }
  try {
    return { result: await run(server), error: null }
  } catch (error) {
    return { result: null, error: `${String(error)}\n${server.process.output()}` }
  } finally {
    await server.process.stop()
  }
}

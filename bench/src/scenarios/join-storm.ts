/**
 * Scenario (5), join storm: `joiners` clients join a room holding a large document at once, while
 * a probe room on the same server (one writer, one observer, 25 Hz) shows whether the other rooms
 * stay responsive. Reports each joiner's time to its first sync and the probe's latency.
 */
import { mkdirSync, mkdtempSync } from 'node:fs'
import { join } from 'node:path'
import type { JoinStormResult } from '../load/join-storm-job.js'
import type { ServerKind } from '../load/job.js'
import type { Cores } from '../servers/cores.js'
import { freePort } from '../servers/launch.js'
import { startServer } from '../servers/start-server.js'
import { runInGenerator } from './generate.js'

export interface JoinStormSpec {
  readonly id: string
  readonly joiners: number
  readonly documentBytes: number
}

export function joinStorm(joiners: number, documentMb: number): JoinStormSpec {
  return {
    id: `joinstorm-${joiners}`,
    joiners,
    documentBytes: Math.round(documentMb * 2 ** 20),
  }
}

export interface JoinStormOutcome {
  readonly spec: JoinStormSpec
  readonly server: ServerKind
  readonly result: JoinStormResult | null
  readonly error: string | null
}

const PROBE_HZ = 25
const BASELINE_MS = 1000

export async function runJoinStorm(
  spec: JoinStormSpec,
  kind: ServerKind,
  cores: Cores,
  seed: number,
  dataRoot: string,
): Promise<JoinStormOutcome> {
  mkdirSync(dataRoot, { recursive: true })
  const dataDir = mkdtempSync(join(dataRoot, `${kind}-`))
  let server
  try {
    server = await startServer(kind, { dataDir, port: await freePort(), core: cores.server })
  } catch (error) {
    return { spec, server: kind, result: null, error: String(error) }
  }
  try {
    const target = await server.openRoom(`bench-${spec.id}-${seed}`)
    const probe = await server.openRoom(`bench-${spec.id}-${seed}-probe`)
    const result = await runInGenerator<JoinStormResult>(
      {
        task: 'join-storm',
        job: {
          target,
          probe,
          joiners: spec.joiners,
          documentBytes: spec.documentBytes,
          probeHz: PROBE_HZ,
          baselineMs: BASELINE_MS,
          seed,
        },
      },
      cores.generator,
      BASELINE_MS + 60_000,
    )
    return { spec, server: kind, result, error: null }
  } catch (error) {
    return {
      spec,
      server: kind,
      result: null,
      error: `${String(error)}\n${server.process.output()}`,
    }
  } finally {
    await server.process.stop()
  }
}

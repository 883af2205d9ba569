/**
 * Scenario (5), join storm: `joiners` clients join a room holding a large document at once, while
 * a probe room on the same server (one writer, one observer, 25 Hz) shows whether the other rooms
 * stay responsive. Reports each joiner's time to its first sync and the probe's latency.
 */
import type { JoinStormResult } from '../load/join-storm-job.js'
import type { ServerKind } from '../load/job.js'
import type { Cores } from '../servers/cores.js'
import { withFreshServer } from './fresh-server.js'
import { runInGenerator } from './generate.js'
import type { Outcome } from './outcome.js'

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

export type JoinStormOutcome = Outcome<JoinStormSpec, JoinStormResult>

const PROBE_HZ = 25
const BASELINE_MS = 1000

export async function runJoinStorm(
  spec: JoinStormSpec,
  kind: ServerKind,
  cores: Cores,
  seed: number,
  dataRoot: string,
): Promise<JoinStormOutcome> {
  const { result, error } = await withFreshServer(kind, cores, dataRoot, async (server) => {
    const target = await server.openRoom(`bench-${spec.id}-${seed}`)
    const probe = await server.openRoom(`bench-${spec.id}-${seed}-probe`)
    return runInGenerator<JoinStormResult>(
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
  })
  return { spec, server: kind, result, error }
}

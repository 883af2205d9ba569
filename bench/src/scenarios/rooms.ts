/**
 * Scenario (4), rooms: many small rooms of 3 clients each (one writer at 1.5 Hz, two observers),
 * grown in steps until p99 passes 100 ms or the steps run out; memory per loaded room and per
 * idle connection, and what is left once every client has gone and the rooms could unload
 * (Accord unloads a room `ACCORD_ROOM_IDLE_MS`, 2 s by default, after its last client leaves).
 */
import type { ServerKind, Target } from '../load/job.js'
import type { RoomsResult } from '../load/rooms-job.js'
import type { Cores } from '../servers/cores.js'
import { withFreshServer } from './fresh-server.js'
import { runInGenerator } from './generate.js'
import type { Outcome } from './outcome.js'

/** The rooms grow until a step's p99 passes this. */
const P99_LIMIT_MS = 100

export interface RoomsSpec {
  readonly id: string
  readonly steps: readonly number[]
  readonly stepMs: number
  readonly idleConnections: number
  /** A step whose p99 passes this ends the growth (the harness test runs every step). */
  readonly p99LimitMs: number
}

export function rooms(
  steps: readonly number[],
  stepMs: number,
  idleConnections: number,
  p99LimitMs = P99_LIMIT_MS,
): RoomsSpec {
  return { id: `rooms-${steps.at(-1) ?? 0}`, steps, stepMs, idleConnections, p99LimitMs }
}

export type RoomsOutcome = Outcome<RoomsSpec, RoomsResult>

const HZ = 1.5
/** Accord's default idle time before a room unloads, with room to spare. */
const UNLOAD_WAIT_MS = 5000

export async function runRooms(
  spec: RoomsSpec,
  kind: ServerKind,
  cores: Cores,
  seed: number,
  dataRoot: string,
): Promise<RoomsOutcome> {
  const { result, error } = await withFreshServer(kind, cores, dataRoot, async (server) => {
    const targets: Target[] = []
    const last = spec.steps.at(-1) ?? 0
    for (let room = 0; room < last; room++) {
      targets.push(await server.openRoom(`bench-${spec.id}-${seed}-${room}`))
    }
    return runInGenerator<RoomsResult>(
      {
        task: 'rooms',
        job: {
          targets,
          steps: spec.steps,
          hz: HZ,
          stepMs: spec.stepMs,
          p99LimitMs: spec.p99LimitMs,
          idleConnections: spec.idleConnections,
          unloadWaitMs: UNLOAD_WAIT_MS,
          seed,
        },
      },
      cores.generator,
      spec.steps.length * (spec.stepMs + 30_000) + UNLOAD_WAIT_MS,
    )
  })
  return { spec, server: kind, result, error }
}

/**
 * Scenario (8), hostile clients (issue 15), Accord alone: a modified client's attack inside the
 * documented limits, and what it costs everyone else.
 *
 *   step1flood-M      read-only connections that stop reading ask a board of M MB for its whole
 *                     state with hundreds of seven-byte sync step 1 frames
 *   mergeburst-N      N participants each send a burst of 1,000 tiny edits at once
 *   presenceflood-N   N participants each send 190 awareness updates a second
 *
 * Each run gets a fresh server with every bound at its documented default (rate limit included),
 * measures the server's peak resident memory and the p99 latency of an honest writer → observer
 * in another room on the same server, and sets them against the targets: peak RSS below
 * 2 × the board + 200 MB, the other room's p99 below 50 ms. The figures are reported, never
 * asserted: they are wall-clock times on a shared machine.
 */
import type { AttackSpec } from '../load/hostile/attack.js'
import type { HostileResult } from '../load/hostile/hostile-job.js'
import type { Cores } from '../servers/cores.js'
import { withFreshServer } from './fresh-server.js'
import { runInGenerator } from './generate.js'
import type { Outcome } from './outcome.js'

export interface HostileSpec {
  readonly id: string
  readonly attack: AttackSpec
  /** The probe alone before the attack. */
  readonly baselineMs: number
  readonly attackMs: number
  /** After the attack, for the probe's last edits to arrive. */
  readonly drainMs: number
}

export type HostileOutcome = Outcome<HostileSpec, HostileResult>

const MB = 2 ** 20

/** The targets. */
export const hostileTargets = {
  /** Peak RSS below `boardFactor` × the board's size + `marginBytes`. */
  boardFactor: 2,
  marginBytes: 200 * MB,
  /** Another room's p99 edit → observer latency during the attack. */
  otherRoomP99Ms: 50,
} as const

export function rssTargetBytes(boardBytes: number): number {
  return hostileTargets.boardFactor * boardBytes + hostileTargets.marginBytes
}

/** Timing of one hostile run; `attackMs` is the measured window. */
export interface HostileTiming {
  readonly baselineMs: number
  readonly attackMs: number
  readonly drainMs: number
}

export const hostileTiming: HostileTiming = { baselineMs: 2000, attackMs: 10_000, drainMs: 3000 }

export function step1Flood(
  boardMb: number,
  timing: HostileTiming = hostileTiming,
  attackers = 4,
  framesEach = 100,
): HostileSpec {
  return {
    id: `step1flood-${boardMb}`,
    attack: { kind: 'step1-flood', boardBytes: Math.round(boardMb * MB), attackers, framesEach },
    ...timing,
  }
}

export function mergeBurst(
  connections: number,
  timing: HostileTiming = hostileTiming,
  editsEach = 1000,
): HostileSpec {
  return {
    id: `mergeburst-${connections}`,
    attack: { kind: 'merge-burst', connections, editsEach },
    ...timing,
  }
}

export function presenceFlood(
  connections: number,
  timing: HostileTiming = hostileTiming,
  hz = 190,
): HostileSpec {
  return {
    id: `presenceflood-${connections}`,
    attack: { kind: 'presence-flood', connections, hz },
    ...timing,
  }
}

/** The three at the sizes of the findings (a 40 MB board where it saw 63 MB). */
export function hostileScenarios(timing: HostileTiming = hostileTiming): HostileSpec[] {
  return [step1Flood(40, timing), mergeBurst(100, timing), presenceFlood(150, timing)]
}

/** The honest probe's rate: a brisk drag, and 500 edits in a 10 s window for its p99. */
const PROBE_HZ = 50
/** The server's default document bound (apps/server/src/config.ts); raised for larger boards. */
const DEFAULT_MAX_DOCUMENT_BYTES = 64 * MB
/** Seeding a large board through the protocol, before the timed phases. */
const PREPARE_BUDGET_MS = 120_000

/**
 * Past this resident size the bench kills the server (`BENCH_HOSTILE_RSS_CEILING_MB`, default
 * 3 GB): an unbounded attack would otherwise take a shared machine down before it is reported.
 */
function ceilingBytes(): number {
  const mb = Number(process.env.BENCH_HOSTILE_RSS_CEILING_MB)
  return (Number.isFinite(mb) && mb > 0 ? mb : 3072) * MB
}

export async function runHostileScenario(
  spec: HostileSpec,
  cores: Cores,
  seed: number,
  dataRoot: string,
): Promise<HostileOutcome> {
  const boardBytes = spec.attack.kind === 'step1-flood' ? spec.attack.boardBytes : 0
  const { result, error } = await withFreshServer(
    'accord',
    cores,
    dataRoot,
    async (server) => {
      const target = await server.openRoom(`bench-${spec.id}-${seed}`)
      const probe = await server.openRoom(`bench-${spec.id}-${seed}-probe`)
      return runInGenerator<HostileResult>(
        {
          task: 'hostile',
          job: {
            attack: spec.attack,
            target,
            probe,
            probeHz: PROBE_HZ,
            baselineMs: spec.baselineMs,
            attackMs: spec.attackMs,
            drainMs: spec.drainMs,
            ceilingBytes: ceilingBytes(),
            seed,
          },
        },
        cores.generator,
        PREPARE_BUDGET_MS + spec.baselineMs + spec.attackMs + spec.drainMs,
      )
    },
    {
      limits: 'documented',
      // The board must fit, with room for what the attack writes.
      env: {
        ACCORD_MAX_DOCUMENT_BYTES: String(Math.max(DEFAULT_MAX_DOCUMENT_BYTES, 2 * boardBytes)),
      },
    },
  )
  return { spec, server: 'accord', result, error }
}

/**
 * Seeded fuzzing of the sync endpoint (SECURITY.md, "Bounds"; packages/sync/SPEC.md P2, R3–R5,
 * A3, S1): random, truncated, mutated, corrupt, dependency-less, forged, oversized and empty
 * frames from four attackers while honest stock clients keep editing (`support/fuzz/fuzz-run.ts`).
 *
 * After each run: the server is up and ready and logged no failure; no honest client was ever
 * closed; every honest copy, a late joiner and storage equal the reference built from the honest
 * edits alone; presence still names each honest member and nobody else; every refusal closed
 * with its documented code and was counted; the SQLite file passes its integrity check, every
 * stored blob decodes, and neither the room nor storage holds anything the rules refuse or
 * anything waiting for missing dependencies.
 *
 * Runs are bounded by frame count, not time. Replay one with `ACCORD_FUZZ_SEED=<seed>`; narrow it
 * with `ACCORD_FUZZ_KINDS=<kind,kind>` (see `hostile-frames.ts`) and `ACCORD_FUZZ_FRAMES=<n>`.
 * A failing run writes every frame it sent, in hex, to `tests/artifacts/fuzz/seed-<seed>.jsonl`.
 */
import { describe, expect, it } from 'vitest'
import { usePerTestServers } from '../support/fixtures.js'
import { failureReport, fuzzRun } from '../support/fuzz/fuzz-run.js'
import { type FrameKind, frameKinds } from '../support/fuzz/hostile-frames.js'

const SEEDS = [1, 2, 3, 4, 0xacc0d]

const seeds = process.env.ACCORD_FUZZ_SEED ? [Number(process.env.ACCORD_FUZZ_SEED)] : SEEDS
const only = process.env.ACCORD_FUZZ_KINDS
  ? new Set(process.env.ACCORD_FUZZ_KINDS.split(',') as FrameKind[])
  : undefined
for (const kind of only ?? []) {
  if (!frameKinds.includes(kind)) throw new Error(`ACCORD_FUZZ_KINDS: no frame kind '${kind}'`)
}

describe('the sync endpoint under seeded fuzzing', () => {
  const servers = usePerTestServers()

  it.each(seeds)(
    '[sync:P2][sync:R3][sync:R5][sync:A3][sync:S1] seed %i: hostile frames harm neither the honest clients, nor the server, nor storage',
    async (seed) => {
      const result = await fuzzRun({
        seed,
        frames: Number(process.env.ACCORD_FUZZ_FRAMES ?? 280),
        maxMessageBytes: 64 * 1024,
        // Each attacker sends a frame and a sync step 1 per 30 ms at most: ~67 messages a
        // second, below any message rate the server would refuse.
        pacingMs: 30,
        ...(only ? { only } : {}),
        start: servers.start,
      })
      if (result.problems.length > 0) {
        expect.fail(failureReport(seed, result, `ACCORD_FUZZ_SEED=${seed}`))
      }
    },
  )
})

/**
 * The seeded sync fuzzer of `integration/sync-fuzz.test.ts`, for minutes on end: seed after seed,
 * each a fresh server and room with more frames. Run with `pnpm soak` (`ACCORD_SOAK_MINUTES`,
 * default 5; `ACCORD_SOAK_SEED`, the first seed; `ACCORD_FUZZ_FRAMES`, default 1000 per seed).
 * A failing seed is named with its replay command and its frames are written to
 * `tests/artifacts/fuzz/seed-<seed>.jsonl`.
 */
import { describe, expect, it } from 'vitest'
import { usePerTestServers } from '../support/fixtures.js'
import { failureReport, fuzzRun } from '../support/fuzz/fuzz-run.js'

const minutes = Number(process.env.ACCORD_SOAK_MINUTES ?? 5)
const firstSeed = Number(process.env.ACCORD_SOAK_SEED ?? Date.now() % 1_000_000)
const frames = Number(process.env.ACCORD_FUZZ_FRAMES ?? 1000)

const servers = usePerTestServers()

describe('soak', () => {
  it(`[sync:P2][sync:R3][sync:R5][sync:A3][sync:S1] seeded sync fuzzing for ${minutes} minutes from seed ${firstSeed}`, async () => {
    expect(minutes, 'ACCORD_SOAK_MINUTES').toBeGreaterThan(0)
    const deadline = Date.now() + minutes * 60_000
    for (let seed = firstSeed; seed === firstSeed || Date.now() < deadline; seed++) {
      const result = await fuzzRun({
        seed,
        frames,
        maxMessageBytes: 64 * 1024,
        pacingMs: 30,
        start: servers.start,
      })
      if (result.problems.length > 0) {
        expect.fail(
          failureReport(seed, result, `ACCORD_FUZZ_SEED=${seed} ACCORD_FUZZ_FRAMES=${frames}`),
        )
      }
      process.stdout.write(`soak: seed ${seed} done, ${result.records.length} hostile frames\n`)
    }
  })
})

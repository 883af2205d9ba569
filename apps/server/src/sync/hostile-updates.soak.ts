/**
 * The hostile-update fuzzer for a million updates (`pnpm soak`, or `pnpm soak:hostile` alone):
 * seed after seed of `hostile-updates.test.ts`'s run until `ACCORD_HOSTILE_UPDATES` (default
 * 1,000,000) updates were sent. Prints the totals; a failing seed is named with its replay line.
 */
import { describe, expect, it } from 'vitest'
import { hostileFuzzRun } from '../testing/hostile-updates/fuzz-run.js'

const total = Number(process.env.ACCORD_HOSTILE_UPDATES ?? 1_000_000)
const perSeed = 20_000
const firstSeed = Number(process.env.ACCORD_HOSTILE_SEED ?? Date.now() % 1_000_000)

describe('hostile-update soak', () => {
  it(`[wsp:W1][wsp:W2][wsp:W3][sync:R5][fac:L1][fac:L2] ${total} hostile updates from seed ${firstSeed}`, async () => {
    const totals = { updates: 0, accepted: 0, refused: 0, closed: 0, seeds: 0 }
    const started = Date.now()
    for (let seed = firstSeed; totals.updates < total; seed++) {
      const updates = Math.min(perSeed, total - totals.updates)
      const result = await hostileFuzzRun({ seed, updates })
      expect(
        result.problems.join('\n'),
        `replay: ACCORD_HOSTILE_SEED=${seed} (${result.role})`,
      ).toBe('')
      totals.updates += result.updates
      totals.accepted += result.accepted
      totals.refused += result.refused
      totals.closed += result.closed
      totals.seeds++
    }
    const seconds = Math.round((Date.now() - started) / 1000)
    process.stdout.write(
      `hostile soak: ${totals.updates} updates over ${totals.seeds} seeds in ${seconds} s — ` +
        `${totals.accepted} changed the board, ${totals.refused} refused, ` +
        `${totals.closed} closed the connection; 0 changes to server-owned or locked state, ` +
        `0 invalid records, 0 divergence, 0 broken rooms\n`,
    )
  })
})

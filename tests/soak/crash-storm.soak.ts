/**
 * The crash storm of `integration/crash-under-load.test.ts`, for minutes on end: cycle after cycle,
 * each in a new room on the same database, with more clients, more stops (mostly `kill -9`, one
 * `SIGTERM` per cycle) and long outages, after which each client brings the restarted server a
 * hundred edits or more. At the end every room is read back from storage and must still hold every
 * edit made in it. Run with `pnpm soak` (`ACCORD_SOAK_MINUTES`, default 5; `ACCORD_SOAK_SEED`).
 */
import { describe, expect, it } from 'vitest'
import {
  runCrashStorm,
  type Stop,
  stormContent,
  type StormContent,
} from '../support/crash-storm.js'
import { tallyEdits } from '../support/edit-storm.js'
import { usePerTestServers } from '../support/fixtures.js'
import { integrityOf, storedDocument } from '../support/inspect.js'
import { connectClient } from '../support/yjs-client.js'

const minutes = Number(process.env.ACCORD_SOAK_MINUTES ?? 5)
const seed = Number(process.env.ACCORD_SOAK_SEED ?? Date.now() % 1_000_000)
const clients = 30
const stops: Stop[] = ['SIGKILL', 'SIGKILL', 'SIGTERM', 'SIGKILL']
// A new room each cycle keeps the clients' documents small, but a long soak makes more rooms an
// hour than the server's default bound allows: 0 lifts it.
const env = { ACCORD_ROOMS_PER_IP_PER_HOUR: '0' }

const servers = usePerTestServers()

interface Cycle {
  readonly roomId: string
  readonly edits: readonly string[]
  readonly content: StormContent
}

describe('soak', () => {
  it(`[sync:S1] ${clients} clients, kill -9 and SIGTERM mid-storm, ${minutes} min, seed ${seed}: nothing lost`, async () => {
    expect(minutes, 'ACCORD_SOAK_MINUTES').toBeGreaterThan(0)
    const deadline = Date.now() + minutes * 60_000
    const cycles: Cycle[] = []
    let server = await servers.start({ env })
    while (cycles.length === 0 || Date.now() < deadline) {
      const result = await runCrashStorm({
        server,
        env,
        start: servers.start,
        // Not the fixture's clients: those are kept until the test ends, and this one is long.
        connect: (current, roomId) => connectClient(current.wsUrl, roomId),
        clients,
        editIntervalMs: 80,
        editsPerRound: 30,
        // Long outages: a client brings a hundred edits or more to the restarted server.
        offlineEdits: 150,
        stops,
        seed: seed + cycles.length,
      })
      cycles.push(result)
      process.stdout.write(
        `soak: cycle ${cycles.length} done, ${result.edits.length} edits in room ${result.roomId}\n`,
      )
      server = await servers.start({ dataDir: result.server.dataDir, env })
    }
    expect(await server.stop('SIGTERM')).toBe(0)

    // Every room, read back at the very end: later cycles' crashes and compactions kept it whole.
    const tallies = cycles.map((cycle) => {
      const stored = storedDocument(server.dbPath, cycle.roomId)
      return { cycle, tally: tallyEdits(stored, cycle.edits), content: stormContent(stored) }
    })
    const lost = tallies.reduce((sum, { tally }) => sum + tally.missing.length, 0)
    const duplicated = tallies.reduce((sum, { tally }) => sum + tally.duplicated.length, 0)
    const edits = cycles.reduce((sum, cycle) => sum + cycle.edits.length, 0)
    const kills = stops.filter((stop) => stop === 'SIGKILL').length * cycles.length
    process.stdout.write(
      `soak summary: seed ${seed}, ${cycles.length} cycles of ${clients} clients, ` +
        `${stops.length * cycles.length} rounds (${kills} kill -9), ${edits} edits, ` +
        `lost ${lost}, duplicated ${duplicated}\n`,
    )
    expect(integrityOf(server.dbPath)).toBe('ok')
    for (const { cycle, tally, content } of tallies) {
      expect(tally, `room ${cycle.roomId}`).toEqual({ missing: [], duplicated: [], unexpected: [] })
      expect(content, `room ${cycle.roomId}`).toEqual(cycle.content)
    }
  })
})

import { describe, it } from 'vitest'
import { runCrashStorm, type Stop } from '../support/crash-storm.js'
import { usePerTestServers } from '../support/fixtures.js'

const servers = usePerTestServers()

/**
 * 20 stock clients, each editing at about 20 messages a second: far below the per-connection rate
 * limit, yet a few hundred edits a second for the server to store and relay to 19 peers. Each
 * makes a few edits while the server is down, to bring to the next one.
 */
const storm = { clients: 20, editIntervalMs: 50, editsPerRound: 12, offlineEdits: 4 }

async function crashStorm(stops: readonly Stop[], seed: number, env: Record<string, string>) {
  const server = await servers.start({ env })
  return runCrashStorm({
    ...storm,
    server,
    env,
    start: servers.start,
    connect: (current, roomId) => servers.client(current, roomId),
    stops,
    seed,
  })
}

describe('crash safety under load', () => {
  it.each(['FULL', 'NORMAL'])(
    '[sync:S1][sync:S3] 20 clients editing one room lose nothing over repeated kill -9 mid-storm (synchronous=%s)',
    async (synchronous) => {
      const stops: Stop[] = ['SIGKILL', 'SIGKILL', 'SIGKILL']
      await crashStorm(stops, 1, { ACCORD_SQLITE_SYNCHRONOUS: synchronous })
    },
  )

  it('[sync:S1][sync:S7] SIGTERM mid-storm exits 0 having stored every edit a peer had seen', async () => {
    await crashStorm(['SIGTERM'], 2, {})
  })
})

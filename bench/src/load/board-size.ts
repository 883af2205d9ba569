/**
 * How large a room's document is on the server: a fresh client with an empty state syncs, and the
 * server's sync step 2 carries the whole document.
 */
import * as Y from 'yjs'
import { dialectFor } from './dialect.js'
import type { Target } from './job.js'
import { RawClient } from './raw-client.js'
import { sleep, withTimeout } from './wait.js'
import { readMessage, SYNC_STEP_2 } from './wire.js'

const SYNC_TIMEOUT_MS = 60_000

/** What a fresh client's sync step 2 carries: its length and the state it brings. */
interface ServerState {
  readonly bytes: number
  readonly stateVector: Map<number, number>
}

async function serverState(target: Target): Promise<ServerState> {
  const dialect = dialectFor(target)
  let state: ServerState = { bytes: 0, stateVector: new Map() }
  const client = new RawClient({
    url: target.url,
    dialect,
    onFrame: (frame) => {
      const body = dialect.unwrap(frame)
      const message = readMessage(body)
      if (message.kind !== 'sync' || message.syncType !== SYNC_STEP_2) return
      const stateVector = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(message.data))
      state = { bytes: body.length, stateVector }
    },
  })
  try {
    await withTimeout(client.synced, SYNC_TIMEOUT_MS, 'a control client to sync')
  } finally {
    await client.close()
  }
  return state
}

/** The length of the sync step 2 a fresh client receives: the room's encoded state, roughly. */
export async function boardSize(target: Target): Promise<number> {
  return (await serverState(target)).bytes
}

/**
 * Joins until a client's first sync carries every edit of the board (`stateVector`, the board's
 * own); resolves with the size it saw. Its size alone is not enough: the server's encoding differs
 * a little from the writer's, and an attack that starts while the last edits are still arriving
 * measures the board being written, not the attack.
 */
export async function untilServerHolds(target: Target, stateVector: Uint8Array): Promise<number> {
  const wanted = Y.decodeStateVector(stateVector)
  const deadline = performance.now() + SYNC_TIMEOUT_MS
  while (performance.now() < deadline) {
    const held = await serverState(target)
    const holdsAll = [...wanted].every(
      ([client, clock]) => (held.stateVector.get(client) ?? 0) >= clock,
    )
    if (holdsAll) return held.bytes
    await sleep(200)
  }
  throw new Error('the server never held the whole document')
}

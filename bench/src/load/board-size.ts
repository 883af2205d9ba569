/**
 * How large a room's document is on the server: a fresh client with an empty state syncs, and the
 * server's sync step 2 carries the whole document.
 */
import { dialectFor } from './dialect.js'
import type { Target } from './job.js'
import { RawClient } from './raw-client.js'
import { sleep, withTimeout } from './wait.js'
import { MESSAGE_SYNC, SYNC_STEP_2 } from './wire.js'

const SYNC_TIMEOUT_MS = 60_000

/** The length of the sync step 2 a fresh client receives: the room's encoded state, roughly. */
export async function boardSize(target: Target): Promise<number> {
  const dialect = dialectFor(target)
  let received = 0
  const client = new RawClient({
    url: target.url,
    dialect,
    onFrame: (frame) => {
      const body = dialect.unwrap(frame)
      if (body[0] === MESSAGE_SYNC && body[1] === SYNC_STEP_2) received = body.length
    },
  })
  try {
    await withTimeout(client.synced, SYNC_TIMEOUT_MS, 'a control client to sync')
  } finally {
    await client.close()
  }
  return received
}

/** Joins until a client's first sync carries (nearly) `bytes`; resolves with the size it saw. */
export async function untilServerHolds(target: Target, bytes: number): Promise<number> {
  const deadline = performance.now() + SYNC_TIMEOUT_MS
  while (performance.now() < deadline) {
    const size = await boardSize(target)
    if (size >= bytes * 0.9) return size
    await sleep(200)
  }
  throw new Error('the server never held the whole document')
}

import { afterEach, describe, expect, it } from 'vitest'
import { encodeAwarenessUpdate } from './awareness-update.js'
import type { PacerClock } from './flush-pacer.js'
import { MemoryDocumentStore } from './memory-document-store.js'
import { PresenceInbox } from './presence-inbox.js'
import { encodeAwareness } from './protocol.js'
import type { Room } from './room.js'
import { RoomRegistry } from './room-registry.js'
import { InProcessClient, settle } from './testing/in-process-client.js'

const clients: InProcessClient[] = []
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy()
})

async function crowd(count: number): Promise<{ room: Room; peers: InProcessClient[] }> {
  const store = new MemoryDocumentStore()
  store.createRoom('room')
  const registry = new RoomRegistry({ store, idleUnloadMs: 0 })
  const peers: InProcessClient[] = []
  for (let i = 0; i < count; i++) {
    const client = new InProcessClient(registry, 'room')
    clients.push(client)
    peers.push(client)
    await client.connect()
  }
  await settle()
  const acquired = await registry.acquire('room')
  if (!acquired.ok) throw new Error('room not loaded')
  registry.release(acquired.value)
  return { room: acquired.value, peers }
}

const cursorAt = (client: InProcessClient, clock: number) =>
  encodeAwareness(
    encodeAwarenessUpdate([
      { clientId: client.doc.clientID, clock, stateJson: JSON.stringify({ cursor: clock }) },
    ]),
  )

/** Counts the presence states the room applies from now on (one y-protocols update each). */
function countApplied(room: Room): { readonly count: number } {
  const counter = { count: 0 }
  room.awareness.on('update', (_changes: unknown, origin: unknown) => {
    if (origin !== null) counter.count++
  })
  return counter
}

describe('Presence inbox', () => {
  it('[sync:B7] a flood of presence applies only each peer’s latest state', async () => {
    const { room, peers } = await crowd(20)
    const applied = countApplied(room)
    for (let clock = 1; clock <= 50; clock++) {
      for (const peer of peers) peer.sendRaw(cursorAt(peer, clock))
    }
    await settle()
    expect(applied.count).toBe(20)
    for (const peer of peers) {
      expect(room.awareness.getStates().get(peer.doc.clientID)).toMatchObject({ cursor: 50 })
    }
  })

  it('[sync:B7] a room applies at most 64 peers’ presence per turn; the rest wait for the next', async () => {
    const { room, peers } = await crowd(100)
    const applied = countApplied(room)
    for (const peer of peers) peer.sendRaw(cursorAt(peer, 1))
    expect(applied.count).toBe(0)
    await new Promise((resolve) => setImmediate(resolve))
    expect(applied.count).toBe(64)
    await settle()
    expect(applied.count).toBe(100)
  })

  it('[sync:B7] with a rate, a peer’s states are applied at most that often; the latest one wins', () => {
    let now = 0
    const deferred: (() => void)[] = []
    const timers: { at: number; task: () => void }[] = []
    const clock: PacerClock = {
      now: () => now,
      defer: (task) => deferred.push(task),
      after: (ms, task) => {
        const timer = { at: now + ms, task }
        timers.push(timer)
        return () => timers.splice(timers.indexOf(timer), 1)
      },
    }
    const applied: number[] = []
    const inbox = new PresenceInbox<string>({
      apply: (_peer, entry) => applied.push(entry.clock),
      clock,
      perSecond: 10,
    })
    const runDeferred = () => {
      for (const task of deferred.splice(0)) task()
    }
    for (let clock = 1; clock <= 30; clock++) {
      inbox.put('a', { clientId: 1, clock, stateJson: '{}' })
      runDeferred()
      now += 10
    }
    // 300 ms at 10 a second: the first at once, then one every 100 ms, each the latest then.
    for (const timer of timers.splice(0)) {
      now = Math.max(now, timer.at)
      timer.task()
    }
    runDeferred()
    expect(applied.length).toBeLessThanOrEqual(4)
    expect(applied.at(-1)).toBe(30)
  })
})

import { describe, expect, it } from 'vitest'
import { FrameScheduler } from './frame-scheduler.js'
import { MemoryDocumentStore } from './memory-document-store.js'
import { encodeUpdate } from './protocol.js'
import { RoomRegistry } from './room-registry.js'
import { SyncSession } from './sync-session.js'
import * as Y from 'yjs'
import { silentLogger } from './logger.js'

/** A scheduler whose turns run only when the test says so. */
function manual(framesPerTurn = 4) {
  const turns: (() => void)[] = []
  const scheduler = new FrameScheduler({ framesPerTurn, defer: (task) => turns.push(task) })
  const runTurn = () => turns.shift()?.()
  return { scheduler, runTurn, pendingTurns: () => turns.length }
}

describe('FrameScheduler', () => {
  it('[sync:B8] a room with one frame waiting is served in the next turn, however many another holds', () => {
    const { scheduler, runTurn } = manual(4)
    const handled: string[] = []
    for (let i = 0; i < 1000; i++) scheduler.enqueue('flooded', () => handled.push(`flood ${i}`))
    scheduler.enqueue('quiet', () => handled.push('quiet'))
    runTurn()
    expect(handled).toEqual(['flood 0', 'quiet', 'flood 1', 'flood 2'])
    expect(scheduler.waiting).toBe(997)
  })

  it('[sync:B8] each turn handles a bounded number of frames, then yields; order within a room holds', () => {
    const { scheduler, runTurn, pendingTurns } = manual(4)
    const handled: number[] = []
    for (let i = 0; i < 10; i++) scheduler.enqueue('a', () => handled.push(i))
    runTurn()
    expect(handled).toEqual([0, 1, 2, 3])
    expect(pendingTurns()).toBe(1)
    runTurn()
    runTurn()
    expect(handled).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(pendingTurns()).toBe(0)
  })

  it('[sync:B8] a flooded room’s frames keep their order through tens of thousands, added as they are taken', () => {
    const { scheduler, runTurn } = manual(64)
    const handled: number[] = []
    let next = 0
    const add = (count: number) => {
      for (let i = 0; i < count; i++) {
        const n = next++
        scheduler.enqueue('flooded', () => handled.push(n))
      }
    }
    add(20_000)
    while (scheduler.waiting > 0) {
      runTurn()
      if (next < 30_000) add(10)
    }
    expect(handled).toHaveLength(next)
    expect(handled.every((n, i) => n === i)).toBe(true)
  })

  it('[sync:B8] rooms take turns in rotation', () => {
    const { scheduler, runTurn } = manual(6)
    const handled: string[] = []
    for (const room of ['a', 'b', 'c']) {
      for (let i = 0; i < 3; i++) scheduler.enqueue(room, () => handled.push(`${room}${i}`))
    }
    runTurn()
    expect(handled).toEqual(['a0', 'b0', 'c0', 'a1', 'b1', 'c1'])
  })

  it('a task that throws is reported and the others still run', () => {
    const errors: unknown[] = []
    const turns: (() => void)[] = []
    const scheduler = new FrameScheduler({
      defer: (t) => turns.push(t),
      onError: (e) => errors.push(e),
    })
    const handled: number[] = []
    scheduler.enqueue('a', () => {
      throw new Error('boom')
    })
    scheduler.enqueue('a', () => handled.push(1))
    turns.shift()?.()
    expect(errors).toHaveLength(1)
    expect(handled).toEqual([1])
  })
})

describe('SyncSession with a scheduler', () => {
  it('[sync:B8] pauses reading a connection with many frames waiting, and resumes once half are handled', async () => {
    const store = new MemoryDocumentStore()
    store.createRoom('r')
    const registry = new RoomRegistry({ store })
    const { scheduler, runTurn } = manual(64)
    const flow: string[] = []
    const session = new SyncSession({
      roomId: 'r',
      registry,
      logger: silentLogger,
      scheduler,
      maxQueuedFrames: 100,
      flow: { pause: () => flow.push('pause'), resume: () => flow.push('resume') },
      transport: { send: () => {}, close: () => {} },
    })
    await session.open()
    const writer = new Y.Doc()
    const updates: Uint8Array[] = []
    writer.on('update', (update: Uint8Array) => updates.push(update))
    for (let i = 0; i < 150; i++) writer.getMap('m').set('k', i)
    for (const update of updates) session.receive(encodeUpdate(update))
    expect(flow).toEqual(['pause'])
    runTurn() // 64 handled: 86 waiting
    expect(flow).toEqual(['pause'])
    runTurn() // 128 handled: 22 waiting
    expect(flow).toEqual(['pause', 'resume'])
    runTurn()
    const room = await registry.acquire('r')
    expect(room.ok && room.value.doc.getMap('m').get('k')).toBe(149)
  })

  it('[sync:B8][sync:S1] frames a client sent before closing its socket are still handled', async () => {
    const store = new MemoryDocumentStore()
    store.createRoom('r')
    const registry = new RoomRegistry({ store })
    const { scheduler, runTurn } = manual(64)
    const session = new SyncSession({
      roomId: 'r',
      registry,
      logger: silentLogger,
      scheduler,
      transport: { send: () => {}, close: () => {} },
    })
    await session.open()
    const writer = new Y.Doc()
    writer.on('update', (update: Uint8Array) => session.receive(encodeUpdate(update)))
    for (let i = 0; i < 10; i++) writer.getMap('m').set(`k${i}`, i)
    session.transportClosed()
    runTurn()
    const room = await registry.acquire('r')
    expect(room.ok && room.value.doc.getMap('m').size).toBe(10)
  })
})

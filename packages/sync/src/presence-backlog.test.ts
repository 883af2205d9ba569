import { describe, expect, it } from 'vitest'
import { PresenceBacklog } from './presence-backlog.js'
import { HeldQueue } from './testing/held-queue.js'

function backlog() {
  const sent: { peer: string; clientIds: readonly number[] }[] = []
  const presence = new PresenceBacklog<string>({
    sendOwed: (peer, clientIds) => sent.push({ peer, clientIds }),
  })
  return { presence, sent }
}

describe('PresenceBacklog', () => {
  it('lets presence go to a peer that keeps up, or that says nothing about its queue', () => {
    const { presence, sent } = backlog()
    expect(presence.offer('a', new HeldQueue(), [1])).toBe(true)
    expect(presence.offer('b', undefined, [1])).toBe(true)
    expect(presence.waiting).toBe(0)
    expect(sent).toEqual([])
  })

  it('holds presence for a backed-up peer and sends every changed id once, when it drains', () => {
    const { presence, sent } = backlog()
    const connection = new HeldQueue()
    connection.full = true
    expect(presence.offer('a', connection, [1, 2])).toBe(false)
    // Still owed, even once the queue has room again but before it has drained.
    connection.full = false
    expect(presence.offer('a', connection, [2, 3])).toBe(false)
    expect(sent).toEqual([])
    connection.drain()
    expect(sent).toEqual([{ peer: 'a', clientIds: [1, 2, 3] }])
    expect(presence.offer('a', connection, [4])).toBe(true)
    expect(sent).toHaveLength(1)
  })

  it('owes nothing to a peer that left', () => {
    const { presence, sent } = backlog()
    const connection = new HeldQueue()
    connection.full = true
    presence.offer('a', connection, [1])
    presence.forget('a')
    connection.drain()
    expect(sent).toEqual([])
    expect(presence.waiting).toBe(0)
  })
})

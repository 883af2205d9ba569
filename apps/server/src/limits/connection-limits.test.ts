import { describe, expect, it } from 'vitest'
import { MemoryAddressConnections } from './address-connections.js'
import { ConnectionLimits } from './connection-limits.js'

const limitsOf = (bounds: { perRoom: number | null; perAddress: number | null }) =>
  new ConnectionLimits(bounds, new MemoryAddressConnections())

describe('ConnectionLimits', () => {
  it('admits up to the bound per room, and again once a connection leaves', async () => {
    const limits = limitsOf({ perRoom: 2, perAddress: null })
    const first = await limits.admit('room', '10.0.0.1')
    const second = await limits.admit('room', '10.0.0.2')
    expect(first.ok && second.ok).toBe(true)
    expect(await limits.admit('room', '10.0.0.3')).toEqual({ ok: false, error: 'room-full' })
    expect((await limits.admit('other-room', '10.0.0.3')).ok).toBe(true)
    if (first.ok) {
      first.value()
      first.value() // a second release must not free a second slot
    }
    expect((await limits.admit('room', '10.0.0.3')).ok).toBe(true)
    expect(await limits.admit('room', '10.0.0.4')).toEqual({ ok: false, error: 'room-full' })
  })

  it('admits up to the bound per address, across rooms', async () => {
    const limits = limitsOf({ perRoom: null, perAddress: 2 })
    expect((await limits.admit('a', '10.0.0.1')).ok).toBe(true)
    expect((await limits.admit('b', '10.0.0.1')).ok).toBe(true)
    expect(await limits.admit('c', '10.0.0.1')).toEqual({ ok: false, error: 'address-full' })
    expect((await limits.admit('c', '10.0.0.2')).ok).toBe(true)
  })

  it('a refused connection takes no slot', async () => {
    const limits = limitsOf({ perRoom: 1, perAddress: 1 })
    expect((await limits.admit('a', 'x')).ok).toBe(true)
    for (let i = 0; i < 5; i++) expect((await limits.admit('a', 'y')).ok).toBe(false)
    expect((await limits.admit('b', 'y')).ok).toBe(true)
  })

  it('connections arriving together cannot all pass the room bound', async () => {
    const limits = limitsOf({ perRoom: 3, perAddress: 100 })
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => limits.admit('a', `10.0.0.${i}`)),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(3)
  })

  it('with both bounds off, admits everything', async () => {
    const limits = limitsOf({ perRoom: null, perAddress: null })
    for (let i = 0; i < 1000; i++) expect((await limits.admit('a', 'x')).ok).toBe(true)
  })
})

import { describe, expect, it } from 'vitest'
import { ConnectionLimits } from './connection-limits.js'

describe('ConnectionLimits', () => {
  it('admits up to the bound per room, and again once a connection leaves', () => {
    const limits = new ConnectionLimits({ perRoom: 2, perAddress: null })
    const first = limits.admit('room', '10.0.0.1')
    const second = limits.admit('room', '10.0.0.2')
    expect(first.ok && second.ok).toBe(true)
    expect(limits.admit('room', '10.0.0.3')).toEqual({ ok: false, error: 'room-full' })
    expect(limits.admit('other-room', '10.0.0.3').ok).toBe(true)
    if (first.ok) {
      first.value()
      first.value() // a second release must not free a second slot
    }
    expect(limits.admit('room', '10.0.0.3').ok).toBe(true)
    expect(limits.admit('room', '10.0.0.4')).toEqual({ ok: false, error: 'room-full' })
  })

  it('admits up to the bound per address, across rooms', () => {
    const limits = new ConnectionLimits({ perRoom: null, perAddress: 2 })
    expect(limits.admit('a', '10.0.0.1').ok).toBe(true)
    expect(limits.admit('b', '10.0.0.1').ok).toBe(true)
    expect(limits.admit('c', '10.0.0.1')).toEqual({ ok: false, error: 'address-full' })
    expect(limits.admit('c', '10.0.0.2').ok).toBe(true)
  })

  it('a refused connection takes no slot', () => {
    const limits = new ConnectionLimits({ perRoom: 1, perAddress: 1 })
    expect(limits.admit('a', 'x').ok).toBe(true)
    for (let i = 0; i < 5; i++) expect(limits.admit('a', 'y').ok).toBe(false)
    expect(limits.admit('b', 'y').ok).toBe(true)
  })

  it('with both bounds off, admits everything', () => {
    const limits = new ConnectionLimits({ perRoom: null, perAddress: null })
    for (let i = 0; i < 1000; i++) expect(limits.admit('a', 'x').ok).toBe(true)
  })
})

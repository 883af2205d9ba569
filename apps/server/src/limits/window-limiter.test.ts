import { describe, expect, it } from 'vitest'
import { MemoryWindowLimiter } from './window-limiter.js'

describe('MemoryWindowLimiter', () => {
  it('throttles a client after the limit until its window ends, others unaffected', async () => {
    let now = 0
    const limiter = new MemoryWindowLimiter({ limit: 3, windowMs: 60_000, now: () => now })
    for (let i = 0; i < 3; i++) expect(await limiter.take('a')).toBe(0)
    expect(await limiter.take('a')).toBe(60)
    expect(await limiter.take('b')).toBe(0)
    now = 59_500
    expect(await limiter.take('a')).toBe(1)
    now = 60_000
    expect(await limiter.take('a')).toBe(0)
  })

  it('a refund gives a counted event back', async () => {
    const limiter = new MemoryWindowLimiter({ limit: 1, windowMs: 60_000, now: () => 0 })
    expect(await limiter.take('a')).toBe(0)
    await limiter.refund('a')
    expect(await limiter.take('a')).toBe(0)
    expect(await limiter.take('a')).toBe(60)
  })

  it('remembers a bounded number of clients', async () => {
    const limiter = new MemoryWindowLimiter({
      limit: 1,
      windowMs: 60_000,
      now: () => 0,
      maxClients: 2,
    })
    for (const client of ['a', 'b', 'c']) await limiter.take(client)
    expect(await limiter.take('a')).toBe(0) // forgotten: the oldest
    expect(await limiter.take('c')).toBe(60)
  })
})

import { describe, expect, it } from 'vitest'
import { WindowLimiter } from './window-limiter.js'

describe('WindowLimiter', () => {
  it('throttles a client after the limit until its window ends, others unaffected', () => {
    let now = 0
    const limiter = new WindowLimiter({ limit: 3, windowMs: 60_000, now: () => now })
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfterSeconds('a')).toBe(0)
      limiter.count('a')
    }
    expect(limiter.retryAfterSeconds('a')).toBe(60)
    expect(limiter.retryAfterSeconds('b')).toBe(0)
    now = 59_500
    expect(limiter.retryAfterSeconds('a')).toBe(1)
    now = 60_000
    expect(limiter.retryAfterSeconds('a')).toBe(0)
    limiter.count('a')
    expect(limiter.retryAfterSeconds('a')).toBe(0)
  })

  it('remembers a bounded number of clients', () => {
    const limiter = new WindowLimiter({ limit: 1, windowMs: 60_000, now: () => 0, maxClients: 2 })
    for (const client of ['a', 'b', 'c']) limiter.count(client)
    expect(limiter.retryAfterSeconds('a')).toBe(0) // forgotten: the oldest
    expect(limiter.retryAfterSeconds('c')).toBe(60)
  })
})

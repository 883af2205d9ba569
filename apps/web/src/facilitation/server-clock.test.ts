import { describe, expect, it } from 'vitest'
import { measureOffset, offsetFrom } from './server-clock'

describe('server clock', () => {
  it('assumes the server answered half-way through the round trip', () => {
    expect(offsetFrom([{ sentAt: 1000, receivedAt: 1100, serverNow: 5050 }])).toBe(4000)
  })

  it('trusts the sample with the shortest round trip', () => {
    const samples = [
      { sentAt: 0, receivedAt: 900, serverNow: 10_000 }, // slow: midpoint guess is poor
      { sentAt: 1000, receivedAt: 1010, serverNow: 11_005 },
    ]
    expect(offsetFrom(samples)).toBe(10_000)
  })

  it('measures against a server whose clock runs 7 s ahead', async () => {
    let local = 0
    const now = () => (local += 5)
    const offset = await measureOffset(async () => local + 7000, now)
    expect(Math.abs(offset - 7000)).toBeLessThanOrEqual(5)
  })
})

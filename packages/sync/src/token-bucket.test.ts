import { describe, expect, it } from 'vitest'
import { TokenBucket } from './token-bucket.js'

function bucketAt(perSecond: number, burst: number) {
  let now = 0
  const bucket = new TokenBucket({ perSecond, burst }, () => now)
  return {
    take: () => bucket.take(),
    advance: (ms: number) => (now += ms),
    takeMany: (count: number) => Array.from({ length: count }, () => bucket.take()),
  }
}

describe('TokenBucket', () => {
  it('allows a burst, then refuses until tokens refill', () => {
    const bucket = bucketAt(10, 5)
    expect(bucket.takeMany(5)).toEqual([true, true, true, true, true])
    expect(bucket.take()).toBe(false)
    bucket.advance(100) // one token at 10 per second
    expect(bucket.take()).toBe(true)
    expect(bucket.take()).toBe(false)
  })

  it('sustains the rate indefinitely', () => {
    const bucket = bucketAt(20, 1)
    for (let i = 0; i < 1000; i++) {
      bucket.advance(50)
      expect(bucket.take()).toBe(true)
    }
  })

  it('never saves more than the burst, however long the sender was quiet', () => {
    const bucket = bucketAt(100, 3)
    bucket.advance(60_000)
    expect(bucket.takeMany(4)).toEqual([true, true, true, false])
  })

  it('ignores a clock that goes backwards', () => {
    const bucket = bucketAt(1, 1)
    expect(bucket.take()).toBe(true)
    bucket.advance(-5000)
    expect(bucket.take()).toBe(false)
  })
})

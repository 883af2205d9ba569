import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Limiters } from '../limits/limiters.js'

/** Two instances' limiters (one process: the same ones twice). */
export interface LimitersUnderTest {
  readonly a: Limiters
  readonly b: Limiters
  close(): Promise<void>
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** What every `Limiters` must do, whichever instance counts each event. */
export function describeLimitersContract(
  name: string,
  open: () => Promise<LimitersUnderTest>,
): void {
  describe(`Limiters contract: ${name}`, () => {
    let under: LimitersUnderTest
    /** Fresh names per test: a shared Redis keeps what earlier tests counted. */
    let kind: string
    beforeEach(async () => {
      under = await open()
      kind = randomUUID()
    })
    afterEach(() => under.close())

    it('a window allows `limit` events per client, counted on every instance', async () => {
      const options = { limit: 3, windowMs: 60_000 }
      const [a, b] = [under.a.window(kind, options), under.b.window(kind, options)]
      expect([await a.take('x'), await b.take('x'), await a.take('x')]).toEqual([0, 0, 0])
      const wait = await b.take('x')
      expect(wait).toBeGreaterThan(0)
      expect(wait).toBeLessThanOrEqual(60)
      expect(await a.take('x')).toBeGreaterThan(0)
      // Another client, and another kind of event, have their own counts.
      expect(await b.take('y')).toBe(0)
      expect(await under.a.window(`${kind}-other`, options).take('x')).toBe(0)
    })

    it('events started together cannot pass the limit', async () => {
      const options = { limit: 5, windowMs: 60_000 }
      const [a, b] = [under.a.window(kind, options), under.b.window(kind, options)]
      const waits = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).take('x')),
      )
      expect(waits.filter((wait) => wait === 0)).toHaveLength(5)
    })

    it('a refund gives an event back, on any instance', async () => {
      const options = { limit: 1, windowMs: 60_000 }
      const [a, b] = [under.a.window(kind, options), under.b.window(kind, options)]
      expect(await a.take('x')).toBe(0)
      await b.refund('x')
      expect(await b.take('x')).toBe(0)
      expect(await a.take('x')).toBeGreaterThan(0)
    })

    it('a client may go again once its window ends', async () => {
      const options = { limit: 1, windowMs: 300 }
      const [a, b] = [under.a.window(kind, options), under.b.window(kind, options)]
      expect(await a.take('x')).toBe(0)
      expect(await b.take('x')).toBe(1)
      await pause(400)
      expect(await b.take('x')).toBe(0)
    })

    it('connections per address are bounded across instances, and freed as they close', async () => {
      const address = `${kind}-address`
      const [a, b] = [under.a.connections, under.b.connections]
      expect(await a.tryAdd(address, 2)).toBe(true)
      expect(await b.tryAdd(address, 2)).toBe(true)
      expect(await a.tryAdd(address, 2)).toBe(false)
      expect(await b.tryAdd(address, 2)).toBe(false)
      expect(await b.tryAdd(`${address}-other`, 2)).toBe(true)
      a.remove(address)
      await pause(50) // a removal need not be awaited by the connection that closed
      expect(await b.tryAdd(address, 2)).toBe(true)
      expect(await a.tryAdd(address, 2)).toBe(false)
    })

    it('connections arriving together cannot pass the bound', async () => {
      const address = `${kind}-address`
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 === 0 ? under.a : under.b).connections.tryAdd(address, 5),
        ),
      )
      expect(results.filter(Boolean)).toHaveLength(5)
    })
  })
}

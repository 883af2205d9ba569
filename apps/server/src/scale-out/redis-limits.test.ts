/**
 * Rate limits in Redis against the `Limiters` contract, on a real `redis-server` (the integration
 * tests' one), each instance through its own TCP proxy so that one can be cut off alone. Then what
 * only Redis has: an instance that dies stops counting within a few heartbeats, one cut off from
 * Redis counts on its own meanwhile, and counts lost in Redis are written back.
 */
import { silentLogger } from '@accord/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RedisServer, startRedis } from '@accord/tests/support/redis-server'
import { describeLimitersContract } from '../testing/limiters-contract.js'
import { type TcpProxy, tcpProxy } from '../testing/tcp-proxy.js'
import { openRedisLimiters, type RedisLimiters } from './redis-limits.js'

let redis: RedisServer
beforeAll(async () => {
  redis = await startRedis()
})
afterAll(() => redis?.stop())

const HEARTBEAT_MS = 50

async function instances(count: number) {
  const opened: { limiters: RedisLimiters; proxy: TcpProxy }[] = []
  for (let i = 0; i < count; i++) {
    const proxy = await tcpProxy(redis.port)
    const limiters = await openRedisLimiters(`redis://127.0.0.1:${proxy.port}`, silentLogger, {
      heartbeatMs: HEARTBEAT_MS,
      timeoutMs: 200,
    })
    opened.push({ limiters, proxy })
  }
  return {
    opened,
    close: async () => {
      await Promise.all(opened.map(({ limiters }) => limiters.close()))
      await Promise.all(opened.map(({ proxy }) => proxy.close()))
    },
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describeLimitersContract('redis', async () => {
  const { opened, close } = await instances(2)
  return { a: opened[0]!.limiters, b: opened[1]!.limiters, close }
})

describe('Limiters in Redis', () => {
  it('the connections of an instance that dies stop counting within a few heartbeats', async () => {
    const { opened, close } = await instances(2)
    const [a, b] = opened.map((each) => each.limiters.connections) as [
      RedisLimiters['connections'],
      RedisLimiters['connections'],
    ]
    try {
      expect(await a.tryAdd('dies', 2)).toBe(true)
      expect(await a.tryAdd('dies', 2)).toBe(true)
      expect(await b.tryAdd('dies', 2)).toBe(false)
      // Cut off for good, as a killed process: nothing renews its counts any more.
      await opened[0]!.proxy.close()
      await pause(HEARTBEAT_MS * 5)
      expect(await b.tryAdd('dies', 2)).toBe(true)
    } finally {
      await close()
    }
  })

  it('cut off from Redis, an instance counts on its own, and writes its counts back after', async () => {
    const { opened, close } = await instances(2)
    const [a, b] = opened.map((each) => each.limiters.connections) as [
      RedisLimiters['connections'],
      RedisLimiters['connections'],
    ]
    try {
      opened[0]!.proxy.cut()
      // Its own bound still holds while it cannot reach Redis.
      expect(await a.tryAdd('cut', 2)).toBe(true)
      expect(await a.tryAdd('cut', 2)).toBe(true)
      expect(await a.tryAdd('cut', 2)).toBe(false)
      // Once it reaches Redis again its connections count for the others too.
      await pause(HEARTBEAT_MS * 10)
      expect(await b.tryAdd('cut', 2)).toBe(false)
    } finally {
      await close()
    }
  })

  it('counts Redis lost (a restart) are written back by the next heartbeat', async () => {
    const { opened, close } = await instances(2)
    const [a, b] = opened.map((each) => each.limiters.connections) as [
      RedisLimiters['connections'],
      RedisLimiters['connections'],
    ]
    try {
      expect(await a.tryAdd('restart', 1)).toBe(true)
      await redis.restart()
      await pause(HEARTBEAT_MS * 10)
      expect(await b.tryAdd('restart', 1)).toBe(false)
      a.remove('restart')
      await pause(50)
      expect(await b.tryAdd('restart', 1)).toBe(true)
    } finally {
      await close()
    }
  })
})

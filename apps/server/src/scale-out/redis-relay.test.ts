/**
 * The Redis relay against the `RoomRelay` contract (`@accord/sync/testing`), on a real
 * `redis-server` (the integration tests' one, `tests/support/redis-server.ts`). Each instance
 * reaches Redis through its own TCP proxy, so that one instance's connection can be cut while
 * the others' stay up.
 */
import { silentLogger } from '@accord/sync'
import { describeRoomRelayContract } from '@accord/sync/testing'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { type RedisServer, startRedis } from '@accord/tests/support/redis-server'
import { type TcpProxy, tcpProxy } from '../testing/tcp-proxy.js'
import { openRedisRelay, type RedisRelay } from './redis-relay.js'

let redis: RedisServer
beforeAll(async () => {
  redis = await startRedis()
})
afterAll(() => redis?.stop())

describeRoomRelayContract<RedisRelay>('redis', async () => {
  const opened: { relay: RedisRelay; proxy: TcpProxy }[] = []
  return {
    instance: async () => {
      const proxy = await tcpProxy(redis.port)
      const relay = await openRedisRelay(`redis://127.0.0.1:${proxy.port}`, silentLogger, {
        heartbeatMs: 50,
      })
      opened.push({ relay, proxy })
      return relay
    },
    interrupt: async (relay) => opened.find((each) => each.relay === relay)?.proxy.cut(),
    // Closed, it sends nothing more: to the others, as silent as a killed process.
    crash: (relay) => relay.close(),
    goneWithinMs: 2000,
    close: async () => {
      await Promise.allSettled(opened.map(({ relay }) => relay.close()))
      await Promise.all(opened.map(({ proxy }) => proxy.close()))
    },
  }
})

describe('the Redis relay on a loaded machine', () => {
  it('[sync:RL7] a live instance is not reported gone when this process stalls for longer than three heartbeats', async () => {
    const open = () =>
      openRedisRelay(`redis://127.0.0.1:${redis.port}`, silentLogger, {
        heartbeatMs: 50,
      })
    const [a, b] = [await open(), await open()]
    try {
      const gone: string[] = []
      const heard: string[] = []
      const recorder = {
        onMessage: (_: unknown, from: string) => heard.push(from),
        onGap: () => {},
        onInstanceGone: (instance: string) => gone.push(instance),
      }
      await a.subscribe('room', recorder)
      await b.subscribe('room', recorder)
      const hello = { kind: 'compacted', snapshotBytes: 1 } as const
      a.publish('room', hello)
      b.publish('room', hello)
      await vi.waitFor(() => expect(new Set(heard)).toEqual(new Set([a.instanceId, b.instanceId])))

      // The event loop is held, as CPU starvation or a long garbage collection hold it, for
      // eight heartbeats; then long enough for ten more, to show no verdict follows.
      const until = performance.now() + 400
      while (performance.now() < until);
      await new Promise((resolve) => setTimeout(resolve, 500))
      expect(gone).toEqual([])
    } finally {
      await Promise.all([a.close(), b.close()])
    }
  })
})

/**
 * The Redis relay against the `RoomRelay` contract (`@accord/sync/testing`), on a real
 * `redis-server` (the integration tests' one, `tests/support/redis-server.ts`). Each instance
 * reaches Redis through its own TCP proxy, so that one instance's connection can be cut while
 * the others' stay up.
 */
import { silentLogger } from '@accord/sync'
import { describeRoomRelayContract } from '@accord/sync/testing'
import { afterAll, beforeAll } from 'vitest'
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

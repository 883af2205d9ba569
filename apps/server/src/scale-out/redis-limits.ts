/**
 * Rate limits counted in Redis (`REDIS_URL`), so that they hold for every instance together:
 * wrong access keys and rooms created per address in fixed windows, and live sync connections
 * per address.
 *
 * Windows are one counter per kind and address (`accord:limit:<kind>:<address>`) that expires
 * with its window. Connections are counted per instance — a hash of address → count
 * (`accord:connections:<instance>`) that expires unless the instance renews it every heartbeat
 * — and summed over the instances when one is admitted. An instance that dies stops renewing:
 * within a few heartbeats its connections no longer count anywhere. Each check-and-count is one
 * Lua script, so instances admitting at the same moment cannot both take the last place.
 *
 * While Redis cannot be reached, each instance counts on its own (the bounds then hold per
 * instance), and says so once in the log; its connections are written back when Redis returns.
 */
import { randomUUID } from 'node:crypto'
import { createClient } from 'redis'
import type { Logger } from '@accord/sync'
import { MemoryAddressConnections } from '../limits/address-connections.js'
import type { AddressConnections, Limiters, WindowLimiter } from '../limits/limiters.js'
import { MemoryWindowLimiter } from '../limits/window-limiter.js'
import { MISSED_HEARTBEATS } from './instance-liveness.js'

export interface RedisLimitersOptions {
  /** How often this instance renews its connection counts (`ACCORD_RELAY_HEARTBEAT_MS`). */
  readonly heartbeatMs: number
  /** Longer than this, a Redis call is given up and counted here instead (default 1 s). */
  readonly timeoutMs?: number
}

export interface RedisLimiters extends Limiters {
  close(): Promise<void>
}

const INSTANCES = 'accord:connections:instances'
const CONNECTIONS = 'accord:connections:'

/** KEYS: the counter. ARGV: limit, window ms. Returns 0 (counted) or the ms left to wait. */
const TAKE = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
if n <= tonumber(ARGV[1]) then return 0 end
redis.call('DECR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  ttl = tonumber(ARGV[2])
end
return ttl`

/** KEYS: the counter. */
const REFUND = `
if redis.call('DECR', KEYS[1]) <= 0 then redis.call('DEL', KEYS[1]) end
return 0`

/**
 * KEYS: the instances, this instance's hash. ARGV: address, limit, ttl ms, instance id, prefix.
 * Instances whose hash expired (dead, or with no connection left) leave the set as it is read.
 */
const ADMIT = `
local total = tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0')
for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  if id ~= ARGV[4] then
    local key = ARGV[5] .. id
    if redis.call('EXISTS', key) == 0 then
      redis.call('SREM', KEYS[1], id)
    else
      total = total + tonumber(redis.call('HGET', key, ARGV[1]) or '0')
    end
  end
end
if total >= tonumber(ARGV[2]) then return 0 end
redis.call('HINCRBY', KEYS[2], ARGV[1], 1)
redis.call('PEXPIRE', KEYS[2], ARGV[3])
redis.call('SADD', KEYS[1], ARGV[4])
return 1`

/** KEYS: this instance's hash. ARGV: address. */
const RELEASE = `
if redis.call('HINCRBY', KEYS[1], ARGV[1], -1) <= 0 then redis.call('HDEL', KEYS[1], ARGV[1]) end
return 0`

export async function openRedisLimiters(
  url: string,
  logger: Logger,
  options: RedisLimitersOptions,
): Promise<RedisLimiters> {
  const instanceId = randomUUID()
  const own = CONNECTIONS + instanceId
  const ttlMs = options.heartbeatMs * MISSED_HEARTBEATS
  const timeoutMs = options.timeoutMs ?? 1000
  const client = createClient({
    url,
    // Fail at once while disconnected, rather than hold a sign-in or a connection until Redis
    // is back: counting here meanwhile is better than not answering.
    disableOfflineQueue: true,
    socket: { reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 2000) },
  })
  let unreachable = false
  client.on('error', () => {})
  await client.connect()

  /** Runs a script; on failure reports Redis unreachable once (until it answers again). */
  const run = async (script: string, keys: string[], args: (string | number)[]) => {
    let timer: NodeJS.Timeout | undefined
    try {
      const reply = await Promise.race([
        client.eval(script, { keys, arguments: args.map(String) }),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('redis did not answer in time')), timeoutMs)
        }),
      ])
      if (unreachable) logger.info('redis reachable again: rate limits shared by every instance')
      unreachable = false
      return Number(reply)
    } catch (error) {
      if (!unreachable) {
        logger.warn('redis unreachable: rate limits counted per instance meanwhile', {
          error: String(error),
        })
      }
      unreachable = true
      throw error
    } finally {
      clearTimeout(timer)
    }
  }

  const window = (
    name: string,
    limits: { readonly limit: number; readonly windowMs: number },
  ): WindowLimiter => {
    const here = new MemoryWindowLimiter({ ...limits, now: Date.now })
    const key = (client: string) => `accord:limit:${name}:${client}`
    return {
      async take(client) {
        try {
          const waitMs = await run(TAKE, [key(client)], [limits.limit, limits.windowMs])
          return waitMs === 0 ? 0 : Math.max(1, Math.ceil(waitMs / 1000))
        } catch {
          return here.take(client)
        }
      },
      async refund(client) {
        // A refund of an event counted here while Redis was away is lost; it only errs strict.
        await run(REFUND, [key(client)], []).catch(() => here.refund(client))
      },
    }
  }

  /** This instance's connections, also what its hash is written back from. */
  const mine = new MemoryAddressConnections()
  /** The hash may not match `mine` (Redis was away, or the hash expired): written back next beat. */
  let stale = false
  const connections: AddressConnections = {
    async tryAdd(address, limit) {
      let admitted: boolean
      try {
        admitted =
          (await run(ADMIT, [INSTANCES, own], [address, limit, ttlMs, instanceId, CONNECTIONS])) ===
          1
      } catch {
        stale = true
        return mine.tryAdd(address, limit)
      }
      if (admitted) await mine.tryAdd(address, Number.POSITIVE_INFINITY)
      return admitted
    },
    remove(address) {
      mine.remove(address)
      run(RELEASE, [own], [address]).catch(() => (stale = true))
    },
  }

  const writeBack = async () => {
    const entries = [...mine.entries()]
    const transaction = client.multi().del(own)
    if (entries.length > 0) {
      transaction
        .hSet(own, Object.fromEntries(entries.map(([address, n]) => [address, String(n)])))
        .pExpire(own, ttlMs)
        .sAdd(INSTANCES, instanceId)
    }
    await transaction.exec()
  }
  const beat = async () => {
    if (!client.isReady) return
    try {
      if (!stale && (await client.pExpire(own, ttlMs)) === 0 && mine.entries().next().done !== true)
        stale = true // the hash expired under live connections (e.g. Redis restarted)
      if (stale) {
        stale = false
        await writeBack()
      }
    } catch {
      stale = true
    }
  }
  const heartbeat = setInterval(() => void beat(), options.heartbeatMs)
  heartbeat.unref()

  return {
    window,
    connections,
    async close() {
      clearInterval(heartbeat)
      // Gone at once rather than after a few heartbeats: a restart frees its addresses' places.
      await client
        .multi()
        .del(own)
        .sRem(INSTANCES, instanceId)
        .exec()
        .catch(() => {})
      client.destroy()
    },
  }
}

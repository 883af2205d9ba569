/**
 * Several instances on one PostgreSQL database and one Redis, as `REDIS_URL` deployments run:
 * both real servers started once per file, a fresh database per test, and instances (built Accord
 * processes) the test starts itself, all stopped after it.
 */
import { type PostgresServer, startPostgres } from '@accord/db/testing'
import { afterAll, beforeAll } from 'vitest'
import { usePerTestServers } from './fixtures.js'
import { type RedisServer, startRedis } from './redis-server.js'
import type { ServerProcess } from './server-process.js'

export function useScaleOut() {
  let postgres: PostgresServer | undefined
  let redis: RedisServer | undefined
  beforeAll(async () => {
    ;[postgres, redis] = await Promise.all([startPostgres(), startRedis()])
  })
  afterAll(async () => {
    await Promise.all([postgres?.stop(), redis?.stop()])
  })
  const servers = usePerTestServers()
  const redisServer = (): RedisServer => {
    if (!redis) throw new Error('Redis is not started yet')
    return redis
  }
  return {
    ...servers,
    get redis(): RedisServer {
      return redisServer()
    },
    /** Two instances on a new database; `url` is that database, for a third or for checks. */
    async twoInstances(
      extraEnv: Record<string, string> = {},
    ): Promise<{ a: ServerProcess; b: ServerProcess; url: string }> {
      if (!postgres) throw new Error('PostgreSQL is not started yet')
      const env = {
        DATABASE_URL: await postgres.createDatabase(),
        REDIS_URL: redisServer().url,
        ...extraEnv,
      }
      const [a, b] = await Promise.all([servers.start({ env }), servers.start({ env })])
      return { a, b, url: env.DATABASE_URL }
    },
  }
}

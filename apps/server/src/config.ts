/**
 * Every setting comes from the environment (README, "Configuration"), is validated here once,
 * and is passed down explicitly; nothing else reads `process.env`.
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { err, ok, type Result } from '@accord/sync'

const defaultWebDist = fileURLToPath(new URL('../../web/dist', import.meta.url))

const integer = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback)

const envSchema = z.object({
  PORT: integer(8787, 0, 65535),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .min(1)
    .default('./data/accord.db')
    .refine((url) => !/^postgres(ql)?:\/\//.test(url), {
      message: 'PostgreSQL is not supported yet; use a SQLite file path',
    })
    .transform((url) => url.replace(/^(sqlite|file):(\/\/)?/, '')),
  ACCORD_SQLITE_SYNCHRONOUS: z.enum(['FULL', 'NORMAL']).default('FULL'),
  ACCORD_MAX_MESSAGE_BYTES: integer(8 * 1024 * 1024, 1024, 512 * 1024 * 1024),
  ACCORD_ROOM_IDLE_MS: integer(2000, 0, 24 * 60 * 60 * 1000),
  ACCORD_HEARTBEAT_MS: integer(30_000, 100, 10 * 60 * 1000),
  ACCORD_WEB_DIST: z.string().min(1).default(defaultWebDist),
  ACCORD_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  ACCORD_ACCESS_KEY: z
    .string()
    .min(16, 'must be at least 16 characters')
    .max(1024, 'must be at most 1024 characters')
    .regex(/^[!-~]+$/, 'must be printable ASCII without spaces (it is sent as a Bearer token)')
    .optional(),
  ACCORD_TRUST_PROXY: z
    .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
    .default('false'),
})

export interface Config {
  readonly port: number
  readonly host: string
  /** Path of the SQLite file, or `:memory:`. */
  readonly databasePath: string
  readonly sqliteSynchronous: 'FULL' | 'NORMAL'
  readonly maxMessageBytes: number
  readonly roomIdleMs: number
  /** Interval of WebSocket pings; a connection that misses one is terminated. */
  readonly heartbeatMs: number
  /** The built web app, served from `/` when the folder exists. */
  readonly webDist: string | null
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent'
  /** With a key, creating workshops and reading the decision log need it (README, "Instance access"). */
  readonly accessKey: string | null
  /** A reverse proxy sets `X-Forwarded-For`, `-Proto` and `-Host`: believe them. */
  readonly trustProxy: boolean
}

export function loadConfig(env: Record<string, string | undefined>): Result<Config, string> {
  // Treat empty variables as unset, as shells and .env files commonly produce them.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''))
  const parsed = envSchema.safeParse(present)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    return err(`invalid configuration: ${problems.join('; ')}`)
  }
  const e = parsed.data
  return ok({
    port: e.PORT,
    host: e.HOST,
    databasePath: e.DATABASE_URL,
    sqliteSynchronous: e.ACCORD_SQLITE_SYNCHRONOUS,
    maxMessageBytes: e.ACCORD_MAX_MESSAGE_BYTES,
    roomIdleMs: e.ACCORD_ROOM_IDLE_MS,
    heartbeatMs: e.ACCORD_HEARTBEAT_MS,
    webDist: existsSync(e.ACCORD_WEB_DIST) ? e.ACCORD_WEB_DIST : null,
    logLevel: e.ACCORD_LOG_LEVEL,
    accessKey: e.ACCORD_ACCESS_KEY ?? null,
    trustProxy: e.ACCORD_TRUST_PROXY === 'true' || e.ACCORD_TRUST_PROXY === '1',
  })
}

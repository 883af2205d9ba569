/**
 * Every setting comes from the environment (README, "Configuration"), is validated here once,
 * and is passed down explicitly; nothing else reads `process.env`.
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { err, ok, type RateLimit, type Result } from '@accord/sync'
import { parsePublicUrl, type PublicUrl } from './public-url.js'

const defaultWebDist = fileURLToPath(new URL('../../web/dist', import.meta.url))

const postgresScheme = /^postgres(ql)?:\/\//

const integer = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback)

const envSchema = z.object({
  PORT: integer(8787, 0, 65535),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .min(1)
    .default('./data/accord.db')
    .transform((url, ctx) => {
      if (!postgresScheme.test(url)) {
        return { path: url.replace(/^(sqlite|file):(\/\/)?/, ''), postgresUrl: null }
      }
      // The message never repeats the URL: it may hold a password.
      if (!URL.canParse(url) || new URL(url).hostname === '') {
        ctx.addIssue({
          code: 'custom',
          message: 'not a PostgreSQL URL of the form postgres://user:password@host:port/database',
        })
        return z.NEVER
      }
      return { path: null, postgresUrl: url }
    }),
  REDIS_URL: z
    .string()
    .refine((url) => /^rediss?:\/\//.test(url) && URL.canParse(url), {
      // The message never repeats the URL: it may hold a password.
      message: 'not a Redis URL of the form redis://[user:password@]host:port[/db]',
    })
    .optional(),
  ACCORD_RELAY_HEARTBEAT_MS: integer(2000, 10, 60_000),
  ACCORD_SQLITE_SYNCHRONOUS: z.enum(['FULL', 'NORMAL']).default('FULL'),
  ACCORD_PG_POOL_SIZE: integer(10, 1, 1000),
  ACCORD_MAX_MESSAGE_BYTES: integer(8 * 1024 * 1024, 1024, 512 * 1024 * 1024),
  ACCORD_MAX_BODY_BYTES: integer(64 * 1024, 1024, 64 * 1024 * 1024),
  ACCORD_MAX_DOCUMENT_BYTES: integer(64 * 1024 * 1024, 64 * 1024, 4 * 1024 * 1024 * 1024),
  ACCORD_MAX_RECORD_BYTES: integer(2 * 1024 * 1024, 1024, 512 * 1024 * 1024),
  ACCORD_MESSAGES_PER_SECOND: integer(200, 0, 1_000_000),
  ACCORD_MESSAGE_BURST: integer(1000, 1, 10_000_000),
  ACCORD_MAX_CONNECTIONS_PER_ROOM: integer(500, 0, 1_000_000),
  ACCORD_MAX_CONNECTIONS_PER_IP: integer(200, 0, 1_000_000),
  ACCORD_ROOMS_PER_IP_PER_HOUR: integer(60, 0, 1_000_000),
  // Unset: the document bound plus 16 MiB (`limitsFrom`), so a joiner's step 2 always fits.
  ACCORD_MAX_UNSENT_BYTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(8 * 1024 * 1024 * 1024)
    .optional(),
  ACCORD_PRESENCE_PER_SECOND: integer(30, 0, 10_000),
  ACCORD_AUTH_TIMEOUT_MS: integer(10_000, 100, 10 * 60 * 1000),
  ACCORD_ROOM_IDLE_MS: integer(2000, 0, 24 * 60 * 60 * 1000),
  ACCORD_ROOM_FRAMES_PER_SECOND: integer(50_000, 0, 100_000_000),
  ACCORD_HEARTBEAT_MS: integer(30_000, 100, 10 * 60 * 1000),
  ACCORD_WEB_DIST: z.string().min(1).default(defaultWebDist),
  ACCORD_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  ACCORD_ACCESS_KEY: z
    .string()
    .min(16, 'must be at least 16 characters')
    .max(1024, 'must be at most 1024 characters')
    .regex(/^[!-~]+$/, 'must be printable ASCII without spaces (it is sent as a Bearer token)')
    .optional(),
  ACCORD_PUBLIC_URL: z
    .string()
    .transform((text, ctx) => {
      const parsed = parsePublicUrl(text)
      if (parsed.ok) return parsed.value
      ctx.addIssue({ code: 'custom', message: parsed.error })
      return z.NEVER
    })
    .optional(),
  ACCORD_TRUST_PROXY: z
    .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
    .default('false'),
  // Any text is passed on: tldraw itself checks the key in the browser, and a key it cannot
  // verify just leaves its watermark showing.
  ACCORD_TLDRAW_LICENSE_KEY: z
    .string()
    .trim()
    .max(4096, 'must be at most 4096 characters')
    .optional(),
})

/**
 * Bounds on what clients may send and open (README, "Limits"). `null` means the bound is off
 * (its variable set to 0), for benchmarks and trusted networks.
 */
export interface Limits {
  /** Largest WebSocket frame; beyond it the connection is closed with 1009. */
  readonly maxMessageBytes: number
  /** Largest HTTP request body under /api; beyond it 413. */
  readonly maxBodyBytes: number
  /** Largest stored document per room; updates beyond it are refused, deletions go through. */
  readonly maxDocumentBytes: number
  /** Largest board record (as JSON); a write of a larger one is refused. */
  readonly maxRecordBytes: number
  /** Frames per second per sync connection, with a burst; beyond it close code 4429. */
  readonly messageRate: RateLimit | null
  /** Sync connections per room; beyond it close code 4503. */
  readonly connectionsPerRoom: number | null
  /** Sync connections per client address; beyond it close code 4503. */
  readonly connectionsPerAddress: number | null
  /** Workshops created per client address per hour; beyond it 429. */
  readonly roomsPerAddressPerHour: number | null
  /** Time a new connection has to send its request headers (and so its token); beyond it 408. */
  readonly authTimeoutMs: number
  /**
   * Bytes a sync connection may leave unread when the server has more to send; beyond it close
   * code 4413 (`sync/unsent-bound.ts`). Null: unbounded.
   */
  readonly maxUnsentBytes: number | null
  /**
   * Presence states applied per sync connection per second; sooner ones wait and only the latest
   * is applied (`packages/sync/src/presence-inbox.ts`). Null: once per turn.
   */
  readonly presencePerSecond: number | null
}

export interface Config {
  readonly port: number
  readonly host: string
  /** Path of the SQLite file, or `:memory:`; null when storage is PostgreSQL. */
  readonly databasePath: string | null
  readonly sqliteSynchronous: 'FULL' | 'NORMAL'
  /** `postgres://…` when storage is PostgreSQL (`DATABASE_URL`), else null. */
  readonly postgresUrl: string | null
  /** Connections the server keeps to PostgreSQL at most. */
  readonly pgPoolSize: number
  readonly limits: Limits
  /**
   * `redis://…` when several instances serve the same rooms (`REDIS_URL`; README, "Running more
   * than one instance"), else null.
   */
  readonly redisUrl: string | null
  /**
   * How often an instance tells the others through Redis that it is alive
   * (`ACCORD_RELAY_HEARTBEAT_MS`); after three missed heartbeats the presence it relayed is
   * removed everywhere.
   */
  readonly relayHeartbeatMs: number
  readonly roomIdleMs: number
  /**
   * Frames a room sends per second at most, summed over its peers, before changes are merged over
   * a short wait (`packages/sync/src/flush-pacer.ts`); 0 sends every change at once.
   */
  readonly roomFramesPerSecond: number
  /** Interval of WebSocket pings; a connection that misses one is terminated. */
  readonly heartbeatMs: number
  /** The built web app, served from `/` when the folder exists. */
  readonly webDist: string | null
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent'
  /** With a key, creating workshops and reading the decision log need it (README, "Instance access"). */
  readonly accessKey: string | null
  /** A reverse proxy sets `X-Forwarded-For`, `-Proto` and `-Host`: believe them. */
  readonly trustProxy: boolean
  /**
   * `ACCORD_PUBLIC_URL`: where people open Accord. Requests for other hosts are refused
   * (`access/host-policy.ts`), and absolute links are built from it. Null when unset.
   */
  readonly publicUrl: PublicUrl | null
  /**
   * `ACCORD_TLDRAW_LICENSE_KEY`: handed to the web app with every page (no rebuild); null shows
   * tldraw's watermark (README, "tldraw licence").
   */
  readonly tldrawLicenseKey: string | null
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
    databasePath: e.DATABASE_URL.path,
    sqliteSynchronous: e.ACCORD_SQLITE_SYNCHRONOUS,
    postgresUrl: e.DATABASE_URL.postgresUrl,
    pgPoolSize: e.ACCORD_PG_POOL_SIZE,
    limits: limitsFrom(e),
    redisUrl: e.REDIS_URL ?? null,
    relayHeartbeatMs: e.ACCORD_RELAY_HEARTBEAT_MS,
    roomIdleMs: e.ACCORD_ROOM_IDLE_MS,
    roomFramesPerSecond: e.ACCORD_ROOM_FRAMES_PER_SECOND,
    heartbeatMs: e.ACCORD_HEARTBEAT_MS,
    webDist: existsSync(e.ACCORD_WEB_DIST) ? e.ACCORD_WEB_DIST : null,
    logLevel: e.ACCORD_LOG_LEVEL,
    accessKey: e.ACCORD_ACCESS_KEY ?? null,
    trustProxy: e.ACCORD_TRUST_PROXY === 'true' || e.ACCORD_TRUST_PROXY === '1',
    publicUrl: e.ACCORD_PUBLIC_URL ?? null,
    tldrawLicenseKey: e.ACCORD_TLDRAW_LICENSE_KEY || null,
  })
}

/** The database for logs and messages: the SQLite path, or the PostgreSQL URL without its password. */
export function databaseLabel(config: Pick<Config, 'databasePath' | 'postgresUrl'>): string {
  if (config.postgresUrl === null) return config.databasePath ?? ''
  const url = new URL(config.postgresUrl)
  if (url.password !== '') url.password = 'redacted'
  return url.toString()
}

/** The Redis URL without its password, for logs. */
export function redisLabel(url: string): string {
  const parsed = new URL(url)
  if (parsed.password !== '') parsed.password = 'redacted'
  return parsed.toString()
}

type Env = z.infer<typeof envSchema>

/** What a connection may leave unread by default beyond a whole document (its step 2). */
const unsentBeyondDocument = 16 * 1024 * 1024

function offWhenZero(value: number): number | null {
  return value === 0 ? null : value
}

function limitsFrom(e: Env): Limits {
  return {
    maxMessageBytes: e.ACCORD_MAX_MESSAGE_BYTES,
    maxBodyBytes: e.ACCORD_MAX_BODY_BYTES,
    maxDocumentBytes: e.ACCORD_MAX_DOCUMENT_BYTES,
    maxRecordBytes: e.ACCORD_MAX_RECORD_BYTES,
    messageRate:
      e.ACCORD_MESSAGES_PER_SECOND === 0
        ? null
        : { perSecond: e.ACCORD_MESSAGES_PER_SECOND, burst: e.ACCORD_MESSAGE_BURST },
    connectionsPerRoom: offWhenZero(e.ACCORD_MAX_CONNECTIONS_PER_ROOM),
    connectionsPerAddress: offWhenZero(e.ACCORD_MAX_CONNECTIONS_PER_IP),
    roomsPerAddressPerHour: offWhenZero(e.ACCORD_ROOMS_PER_IP_PER_HOUR),
    authTimeoutMs: e.ACCORD_AUTH_TIMEOUT_MS,
    maxUnsentBytes:
      e.ACCORD_MAX_UNSENT_BYTES === undefined
        ? e.ACCORD_MAX_DOCUMENT_BYTES + unsentBeyondDocument
        : offWhenZero(e.ACCORD_MAX_UNSENT_BYTES),
    presencePerSecond: offWhenZero(e.ACCORD_PRESENCE_PER_SECOND),
  }
}

/** The limits with every variable unset, for code that runs without a configuration (tests). */
export const defaultLimits: Limits = limitsFrom(envSchema.parse({}))

import { ApiError, type ServerTime } from '@accord/api'
import type {
  AccessRepository,
  BallotRepository,
  PrivateNoteRepository,
  RecordRepository,
  RoomRepository,
  SessionRepository,
  WorkshopRepository,
} from '@accord/db'
import { InProcessRoomLock, type RoomLock } from '@accord/db'
import type { RoomRegistry } from '@accord/sync'
import { type ClientConfig, defaultClientConfig } from '@accord/sync/client-config'
import type { BoardWriter, RoomStates } from '@accord/workshop'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { defaultLimits, type Limits } from './config.js'
import { errorHandler } from './http/api-error.js'
import { type Limiters, memoryLimiters } from './limits/limiters.js'
import { roomCreationLimit } from './limits/room-creation-limit.js'
import { requestLog } from './http/request-log.js'
import { securityHeaders } from './http/security-headers.js'
import { ServerMetrics } from './metrics/server-metrics.js'
import { hostCheck } from './access/host-check.js'
import { anyHost, type HostPolicy } from './access/host-policy.js'
import { createInstanceAccess } from './access/instance-access.js'
import { originCheck } from './access/origin-check.js'
import type { ServerLogger } from './log.js'
import { actionItemRoutes } from './routes/action-items.js'
import { decisionRoutes } from './routes/decisions.js'
import { healthRoutes, type RelayStatus } from './routes/health.js'
import { metricsRoutes } from './routes/metrics.js'
import { roomRoutes } from './routes/rooms.js'
import { sessionRoutes } from './routes/session.js'
import { templateRoutes } from './routes/templates.js'
import { webAppRoutes } from './routes/web-app.js'
import type { LiveConnections } from './access/live-connections.js'
import { syncRoutes } from './sync/sync-endpoint.js'

export interface AppDeps {
  readonly rooms: RoomRepository
  readonly access: AccessRepository
  readonly ballots: BallotRepository
  readonly notes: PrivateNoteRepository
  readonly workshops: WorkshopRepository
  readonly records: RecordRepository
  /** Sign-in sessions of an instance with an access key. */
  readonly sessions: SessionRepository
  readonly board: BoardWriter
  readonly registry: RoomRegistry
  readonly connections: LiveConnections
  readonly roomStates: RoomStates
  /** Server time in ms; injectable so tests control the clock. */
  readonly now?: () => number
  readonly logger: ServerLogger
  readonly webDist: string | null
  readonly startedAt?: number
  /** Bounds on client input (README, "Limits"); the defaults when omitted. */
  readonly limits?: Limits
  /** What the web app is told with every page (e.g. the tldraw licence key); defaults if absent. */
  readonly clientConfig?: ClientConfig
  /** `ACCORD_ACCESS_KEY`: null or absent, the instance is open (README, "Instance access"). */
  readonly accessKey?: string | null
  /** `ACCORD_TRUST_PROXY`: believe `X-Forwarded-*` headers. */
  readonly trustProxy?: boolean
  /**
   * `ACCORD_PUBLIC_URL`'s origin: where absolute links (share links, board links in exports)
   * point. Absent or null, they take the request's origin.
   */
  readonly publicOrigin?: string | null
  /** The host names served (`ACCORD_PUBLIC_URL`, `HOST`); any when absent. */
  readonly hostPolicy?: HostPolicy
  /** What `/metrics` shows; the server shares it with its registry and store. Fresh if absent. */
  readonly metrics?: ServerMetrics
  /** The relay to the other instances (`REDIS_URL`), whose connection `/readyz` checks. */
  readonly relay?: RelayStatus | null
  /**
   * Commands of one room, and changes to its records, take turns: PostgreSQL advisory locks when several instances share one
   * database (`storage.ts`); in this process when omitted.
   */
  readonly roomLock?: RoomLock
  /**
   * Where rate limits are counted: in Redis for every instance under scale-out
   * (`scale-out/redis-limits.ts`); in this process when omitted.
   */
  readonly limiters?: Limiters
}

/** The whole HTTP surface: thin routes that validate input and call the packages. */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono()
  app.onError(errorHandler(deps.logger))
  const metrics = deps.metrics ?? new ServerMetrics(deps.startedAt)
  const limits = deps.limits ?? defaultLimits
  // Outermost: every response, errors included, is logged, counted and carries the headers.
  app.use(
    '*',
    requestLog({
      logger: deps.logger,
      onResponse: (status) => metrics.httpRequests.inc(String(status)),
    }),
  )
  app.use('*', securityHeaders())

  app.route(
    '/',
    healthRoutes({
      rooms: deps.rooms,
      startedAt: deps.startedAt ?? Date.now(),
      loadedRooms: () => deps.registry.loadedCount,
      connections: () => deps.connections.count,
      relay: deps.relay ?? null,
    }),
  )
  // After the health probes, which orchestrators and load balancers send to an instance's own
  // address; before everything else, WebSocket upgrades included (DNS rebinding).
  app.use(
    '*',
    hostCheck({
      policy: deps.hostPolicy ?? anyHost,
      trustProxy: deps.trustProxy ?? false,
      logger: deps.logger,
    }),
  )

  app.use(
    '/api/*',
    bodyLimit({
      maxSize: limits.maxBodyBytes,
      onError: () => {
        throw new ApiError(413, 'body_too_large', 'request body is too large')
      },
    }),
  )
  const now = deps.now ?? Date.now
  const trustProxy = deps.trustProxy ?? false
  const limiters = deps.limiters ?? memoryLimiters(now)
  // No state change from another site's page (CSRF), whatever authenticates the request.
  app.use('/api/*', originCheck({ trustProxy }))
  // Clients measure their clock's offset from this, so every timer shows the same time.
  app.get('/api/time', (c) => c.json<ServerTime>({ now: now() }))
  app.route('/api/templates', templateRoutes())
  // With an access key, creating workshops and the cross-workshop records need it; room links
  // (everything under /api/rooms/:id, and /sync) open their one room as before.
  const instance = createInstanceAccess({
    accessKey: deps.accessKey ?? null,
    trustProxy,
    now,
    logger: deps.logger,
    limiters,
    sessions: deps.sessions,
  })
  app.route('/api/session', sessionRoutes(instance))
  app.post(
    '/api/rooms',
    instance.require,
    roomCreationLimit({ perHour: limits.roomsPerAddressPerHour, trustProxy, limiters }),
  )
  app.use('/api/decisions/*', instance.require)
  app.use('/api/action-items/*', instance.require)
  app.route(
    '/metrics',
    metricsRoutes({
      metrics,
      live: {
        connections: () => deps.connections.count,
        roomsLoaded: () => deps.registry.loadedCount,
      },
      protect: instance.require,
    }),
  )
  // Everything that changes a room's shared state takes its turn under the room's lock: commands,
  // and the records of a room changed from the decision log or the action items.
  const roomLock = deps.roomLock ?? new InProcessRoomLock()
  app.route('/api/decisions', decisionRoutes({ ...deps, now, roomLock }))
  app.route('/api/action-items', actionItemRoutes({ ...deps, now, roomLock }))
  app.route('/api/rooms', roomRoutes({ ...deps, now, roomLock }))
  app.all('/api/*', () => {
    throw new ApiError(404, 'not_found', 'no such API endpoint')
  })

  app.route('/sync', syncRoutes({ ...deps, metrics, limits, trustProxy, limiters }))
  // Any other WebSocket upgrade (e.g. /sync without a room id) gets a plain 404.
  app.use('*', async (c, next) => {
    if (c.req.header('upgrade')?.toLowerCase() === 'websocket') {
      throw new ApiError(404, 'not_found', 'no WebSocket endpoint at this path')
    }
    await next()
  })
  app.route('/', webAppRoutes(deps.webDist, deps.clientConfig ?? defaultClientConfig))
  return app
}

import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { RoomRegistry } from '@accord/sync'
import { BoardWriter, RoomStates } from '@accord/workshop'
import { WebSocketServer } from 'ws'
import { hostPolicyFor } from './access/host-policy.js'
import { LiveConnections } from './access/live-connections.js'
import { accessKeyId } from './access/session-cookie.js'
import { createApp } from './app.js'
import { handleUpgrades } from './http/websocket-upgrade.js'
import type { Config } from './config.js'
import type { ServerLogger } from './log.js'
import { ServerMetrics } from './metrics/server-metrics.js'
import { timedDocumentStore } from './metrics/timed-document-store.js'
import { openStorage, type Storage } from './storage.js'
import { startHeartbeat } from './sync/heartbeat.js'

export interface RunningServer {
  readonly url: string
  readonly port: number
  /** Graceful stop: closes sockets (1001), flushes and compacts rooms, closes the database. */
  close(): Promise<void>
}

export async function startServer(config: Config, logger: ServerLogger): Promise<RunningServer> {
  const storage = await openStorage(config, logger)
  await endSessionsOfOtherKeys(storage, config.accessKey, logger)
  const { rooms, access } = storage
  const metrics = new ServerMetrics()
  const relay = await openRelay(config, logger)
  const limiters = await openLimiters(config, logger)
  const registry = new RoomRegistry({
    store: timedDocumentStore(storage.documents, metrics.storageWrites),
    logger,
    idleUnloadMs: config.roomIdleMs,
    metrics: metrics.sync,
    maxDocumentBytes: config.limits.maxDocumentBytes,
    framesPerSecond: config.roomFramesPerSecond,
    presencePerSecond: config.limits.presencePerSecond ?? undefined,
    relay: relay ?? undefined,
    // The sync endpoint hands frames to rooms in turns (`FrameScheduler`): a room's flush right
    // after each turn stores and relays that turn's edits without waiting a loop iteration.
    defer: queueMicrotask,
  })
  const connections = new LiveConnections()
  const roomStates = new RoomStates(registry)
  const app = createApp({
    rooms,
    access,
    ballots: storage.ballots,
    notes: storage.notes,
    workshops: storage.workshops,
    records: storage.records,
    sessions: storage.sessions,
    board: new BoardWriter(registry),
    registry,
    connections,
    roomStates,
    logger,
    webDist: config.webDist,
    clientConfig: { tldrawLicenseKey: config.tldrawLicenseKey },
    accessKey: config.accessKey,
    trustProxy: config.trustProxy,
    hostPolicy: hostPolicyFor({ publicUrl: config.publicUrl, listenHost: config.host }),
    publicOrigin: config.publicUrl?.origin ?? null,
    limits: config.limits,
    metrics,
    relay,
    roomLock: storage.roomLock,
    limiters: limiters ?? undefined,
  })
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: config.limits.maxMessageBytes,
    // Never negotiated: the sync endpoint writes prebuilt frames straight to the socket, which
    // is only safe while `ws` itself writes synchronously (websocket-frames.ts).
    perMessageDeflate: false,
    // One message per connection per turn of the event loop: otherwise a socket's whole read
    // chunk (64 KiB of tiny frames) is parsed and handled in one go, and a hundred flooding
    // connections stall every other room for a poll phase. Unread frames stay in the kernel
    // buffer, so a flooder is backpressured rather than buffered (SECURITY.md, fairness).
    allowSynchronousEvents: false,
  })
  const stopHeartbeat = startHeartbeat(wss, config.heartbeatMs)

  const server = serve({
    fetch: app.fetch,
    port: config.port,
    hostname: config.host,
    serverOptions: {
      // A connection has this long to send its request headers — for a WebSocket, the upgrade
      // and its token — or it is answered 408 and closed: idle sockets cannot pile up.
      headersTimeout: config.limits.authTimeoutMs,
      requestTimeout: Math.max(config.limits.authTimeoutMs, 60_000),
      // How often Node looks for connections past those timeouts.
      connectionsCheckingInterval: Math.min(1000, config.limits.authTimeoutMs),
    },
  })
  handleUpgrades({ server: server as Server, wss, fetch: app.fetch })
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve)
    server.once('error', reject)
  })
  const port = (server.address() as AddressInfo).port
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host
  const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`

  let closing: Promise<void> | null = null
  const close = () =>
    (closing ??= (async () => {
      stopHeartbeat()
      server.close()
      await registry.closeAll()
      // Rooms have told every peer 1001; give those close frames a moment to get out (a slow
      // reader may have megabytes queued before them) before cutting what is left.
      await allClosed(wss, SHUTDOWN_GRACE_MS)
      for (const client of wss.clients) client.terminate()
      wss.close()
      if ('closeAllConnections' in server) server.closeAllConnections()
      await relay?.close()
      await limiters?.close()
      await storage.close()
    })())

  return { url, port, close }
}

const SHUTDOWN_GRACE_MS = 2000

/** Resolves once every socket of `wss` has closed, or after `ms`. */
function allClosed(wss: WebSocketServer, ms: number): Promise<void> {
  const open = [...wss.clients].filter((client) => client.readyState !== client.CLOSED)
  if (open.length === 0) return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms)
    let left = open.length
    for (const client of open) {
      client.once('close', () => {
        if (--left === 0) {
          clearTimeout(timer)
          resolve()
        }
      })
    }
  })
}

/**
 * A server started with a new `ACCORD_ACCESS_KEY` (or none) ends every session opened with the
 * old one, for every instance sharing the database: changing the key signs everyone out.
 */
async function endSessionsOfOtherKeys(
  storage: Storage,
  accessKey: string | null,
  logger: ServerLogger,
): Promise<void> {
  const ended = await storage.sessions.removeOtherKeys(
    accessKey === null ? null : accessKeyId(accessKey),
  )
  if (ended > 0) logger.info('sessions of a previous access key ended', { sessions: ended })
}

/** With `REDIS_URL`, rate limits are counted in Redis for every instance (`redis-limits.ts`). */
async function openLimiters(config: Config, logger: ServerLogger) {
  if (config.redisUrl === null) return null
  const { openRedisLimiters } = await import('./scale-out/redis-limits.js')
  return openRedisLimiters(config.redisUrl, logger, { heartbeatMs: config.relayHeartbeatMs })
}

/** Loaded only with `REDIS_URL`: a single instance never pays for the Redis client's memory. */
async function openRelay(config: Config, logger: ServerLogger) {
  if (config.redisUrl === null) return null
  const { openRedisRelay } = await import('./scale-out/redis-relay.js')
  return openRedisRelay(config.redisUrl, logger, { heartbeatMs: config.relayHeartbeatMs })
}

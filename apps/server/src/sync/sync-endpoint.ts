import type { Duplex } from 'node:stream'
import { roomIdPattern } from '@accord/api'
import type { AccessRepository } from '@accord/db'
import { can } from '@accord/facilitation'
import {
  CloseCode,
  err,
  FrameScheduler,
  type Result,
  type RoomRegistry,
  SyncSession,
} from '@accord/sync'
import { boardProblem, INCOMPATIBLE_BOARD } from '@accord/tldraw-yjs'
import { boardWritePolicy, stampPresence } from '@accord/workshop'
import { Hono } from 'hono'
import type { WebSocket } from 'ws'
import {
  type Credential,
  type CredentialError,
  credentialName,
  resolveCredential,
} from '../access/credentials.js'
import { clientAddress } from '../access/forwarded.js'
import type { LiveConnections } from '../access/live-connections.js'
import type { Limits } from '../config.js'
import { acceptWebSocket, isWebSocketUpgrade } from '../http/websocket-upgrade.js'
import { ConnectionLimits, type ConnectionRefusal } from '../limits/connection-limits.js'
import type { Limiters } from '../limits/limiters.js'
import type { ServerLogger } from '../log.js'
import type { ServerMetrics } from '../metrics/server-metrics.js'
import { boundedSender, socketPressure } from './unsent-bound.js'

/**
 * `GET /sync/:roomId?token=…` upgrades to a WebSocket speaking the y-websocket protocol; the
 * stock client connects with
 * `new WebsocketProvider(origin + '/sync', roomId, doc, { params: { token } })`.
 * What the connection may do follows from the token's role.
 *
 * Beyond the bounds in `limits` a connection is refused (4503: too many connections in the room or
 * from the address) or closed (4429: faster than its message rate; 4413: not reading what it is
 * sent, `unsent-bound.ts`).
 *
 * Each connection logs one line when it opens and one when it closes (room, role, close code,
 * the request id of its upgrade); the token is never logged.
 */
export function syncRoutes(deps: {
  readonly registry: RoomRegistry
  readonly access: AccessRepository
  readonly logger: ServerLogger
  readonly connections: LiveConnections
  readonly metrics: ServerMetrics
  readonly limits: Limits
  /** Where connections per address are counted: in Redis for every instance under scale-out. */
  readonly limiters: Limiters
  readonly trustProxy: boolean
}): Hono {
  const { registry, access, logger, connections, metrics, limits } = deps
  const admitted = new ConnectionLimits(
    { perRoom: limits.connectionsPerRoom, perAddress: limits.connectionsPerAddress },
    deps.limiters.connections,
  )
  // Rooms take turns: one flooded room cannot hold up every other one (SPEC B8).
  const frames = new FrameScheduler({
    onError: (error) => logger.error('sync frame failed', { error: String(error) }),
  })
  const app = new Hono()

  app.get('/:roomId', async (c, next) => {
    if (!isWebSocketUpgrade(c)) return next()
    const roomId = c.req.param('roomId')
    const upgrade: Upgrade = {
      roomId,
      requestId: c.get('requestId'),
      address: clientAddress(c, deps.trustProxy),
      // Checked before the handshake completes; a refusal is then a close code the client reads.
      credential: roomIdPattern.test(roomId)
        ? await resolveCredential(access, roomId, c.req.query('token'))
        : err('room-not-found'),
    }
    acceptWebSocket(c, (ws, socket) => open(ws, socket, upgrade))
    return c.body(null)
  })
  return app

  /** Runs once the handshake is done; it keeps `upgrade`, never the request. */
  function open(ws: WebSocket, socket: Duplex, upgrade: Upgrade): void {
    const { roomId, requestId } = upgrade
    const openedAt = Date.now()
    let joined: Joined | null = null
    let closed = false
    // Nothing is read until the connection is admitted, which may take a round trip to Redis.
    ws.pause()
    void admit(upgrade).then(
      (slot) => {
        if (closed) return slot?.ok === true ? slot.value() : undefined
        joined = join(ws, socket, upgrade, slot)
        ws.resume()
      },
      (error: unknown) => {
        logger.error('sync connection not admitted', { requestId, error: String(error) })
        ws.close(CloseCode.InternalError, 'the server could not admit the connection')
      },
    )
    ws.on('close', (code) => {
      closed = true
      joined?.leave()
      logger.info('sync connection closed', {
        requestId,
        room: roomId,
        role: joined?.role ?? null,
        code,
        seconds: Math.round((Date.now() - openedAt) / 100) / 10,
      })
    })
    ws.on('error', (error) => {
      // ws closes the connection with 1009 itself; its close event then reports 1006, as it
      // stops reading before the client's closing handshake: count the refusal here.
      if (isTooBig(error)) {
        metrics.refusals.inc('too_large')
        logger.warn('sync message too big', { requestId, room: roomId })
        return
      }
      logger.debug('sync socket error', { requestId, room: roomId, error: String(error) })
    })
  }

  /** Counts the connection toward the bounds, if its credential lets it in at all. */
  async function admit(upgrade: Upgrade): Promise<Result<() => void, ConnectionRefusal> | null> {
    if (!upgrade.credential.ok) return null
    return admitted.admit(upgrade.roomId, upgrade.address)
  }

  /** Admits the connection to its room (null: refused, and closed with the reason). */
  function join(
    ws: WebSocket,
    socket: Duplex,
    upgrade: Upgrade,
    slot: Result<() => void, ConnectionRefusal> | null,
  ): Joined | null {
    const { roomId, requestId, credential: resolved } = upgrade
    const close = (code: number, reason: string) => ws.close(code, reason.slice(0, 120))
    if (!resolved.ok) {
      if (resolved.error === 'room-not-found') {
        metrics.refusals.inc('room_not_found')
        close(CloseCode.RoomNotFound, 'room not found')
      } else {
        metrics.refusals.inc('unauthorized')
        close(CloseCode.Unauthorized, 'a valid token for this room is required')
      }
      return null
    }
    if (slot === null) throw new Error('a connection with a credential is always counted')
    if (!slot.ok) {
      metrics.refusals.inc('too_many_connections')
      logger.warn('sync connection refused: too many connections', {
        requestId,
        room: roomId,
        bound: slot.error,
      })
      close(
        CloseCode.TooManyConnections,
        slot.error === 'room-full'
          ? 'this room has as many connections as the server allows'
          : 'too many connections from your address',
      )
      return null
    }
    const releaseSlot = slot.value
    const credential: Credential = resolved.value
    let name = credentialName(credential)
    logger.info('sync connection opened', { requestId, room: roomId, role: credential.role })
    const sendBounded = boundedSender({
      ws,
      socket,
      maxUnsentBytes: limits.maxUnsentBytes,
      onPassed: (unsent) => {
        metrics.refusals.inc('slow_consumer')
        logger.warn('sync connection closed: not reading what it is sent', {
          requestId,
          room: roomId,
          unsent,
        })
        session.disconnect(CloseCode.SlowConsumer, 'too much unsent: the connection is too slow')
      },
    })
    const session = new SyncSession({
      roomId,
      registry,
      logger,
      metrics: metrics.sync,
      ...(limits.messageRate ? { messageRate: limits.messageRate } : {}),
      scheduler: frames,
      // Reading pauses while this connection has many frames waiting for its room's turn.
      flow: { pause: () => ws.pause(), resume: () => ws.resume() },
      refuseDocument: (room) => {
        const problem = boardProblem(room.doc)
        if (problem === null) return null
        metrics.refusals.inc('incompatible_board')
        logger.warn('sync connection refused: board saved by a newer board editor', {
          requestId,
          room: roomId,
          problem,
        })
        return INCOMPATIBLE_BOARD
      },
      transport: {
        send: (frame) => {
          if (sendBounded(frame)) metrics.messagesSent.inc()
        },
        close,
        pressure: socketPressure(socket),
      },
      access: {
        canWrite: can(credential.role, 'board.edit'),
        canPublishPresence: can(credential.role, 'presence.publish'),
        principal: credential.member ? `member:${credential.member.id}` : `link:${credential.role}`,
        checkWrites: boardWritePolicy(credential.role, {
          maxRecordBytes: limits.maxRecordBytes,
          onRefused: (reason) => metrics.refusals.inc(reason),
        }),
        stampPresence: (state, doc) =>
          stampPresence(
            state,
            { name, role: credential.role, memberId: credential.member?.id ?? null },
            doc,
          ),
      },
    })
    const forget = connections.add({
      credential,
      disconnect: (code, reason) => session.disconnect(code, reason),
      rename: (newName) => (name = newName),
    })
    ws.on('message', (data: Buffer, isBinary) => {
      metrics.messagesReceived.inc()
      session.receive(isBinary ? data : data.toString())
    })
    void session.open()
    return {
      role: credential.role,
      leave() {
        forget()
        releaseSlot()
        session.transportClosed()
      },
    }
  }
}

/** A connection in its room. */
interface Joined {
  readonly role: string
  leave(): void
}

/** What a connection keeps of its upgrade request. */
interface Upgrade {
  readonly roomId: string
  readonly requestId: string
  readonly address: string
  readonly credential: Result<Credential, CredentialError>
}

function isTooBig(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH'
  )
}

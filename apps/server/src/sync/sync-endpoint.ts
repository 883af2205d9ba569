import { upgradeWebSocket } from '@hono/node-server'
import type { AccessRepository } from '@accord/db'
import { can } from '@accord/facilitation'
import { CloseCode, err, type RoomRegistry, SyncSession } from '@accord/sync'
import { Hono } from 'hono'
import { type Credential, credentialName, resolveCredential } from '../access/credentials.js'
import { clientAddress } from '../access/forwarded.js'
import type { LiveConnections } from '../access/live-connections.js'
import type { Limits } from '../config.js'
import { ConnectionLimits } from '../limits/connection-limits.js'
import type { ServerLogger } from '../log.js'
import type { ServerMetrics } from '../metrics/server-metrics.js'
import { roomIdPattern } from '../routes/rooms.js'
import { stampPresence } from './presence-stamp.js'
import { boardWritePolicy } from './write-policy.js'

/**
 * `GET /sync/:roomId?token=…` upgrades to a WebSocket speaking the y-websocket protocol; the
 * stock client connects with
 * `new WebsocketProvider(origin + '/sync', roomId, doc, { params: { token } })`.
 * What the connection may do follows from the token's role.
 *
 * Beyond the bounds in `limits` a connection is refused (4503: too many connections in the room or
 * from the address) or closed (4429: faster than its message rate).
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
  readonly trustProxy: boolean
}): Hono {
  const { registry, access, logger, connections, metrics, limits } = deps
  const admitted = new ConnectionLimits({
    perRoom: limits.connectionsPerRoom,
    perAddress: limits.connectionsPerAddress,
  })
  const app = new Hono()

  app.get(
    '/:roomId',
    upgradeWebSocket(async (c) => {
      const roomId = c.req.param('roomId') ?? ''
      const requestId = c.get('requestId')
      const address = clientAddress(c, deps.trustProxy)
      const resolved = roomIdPattern.test(roomId)
        ? await resolveCredential(access, roomId, c.req.query('token'))
        : err('room-not-found' as const)
      let session: SyncSession | null = null
      let forget = () => {}
      let releaseSlot = () => {}
      let role: string | null = null
      const openedAt = Date.now()
      return {
        onOpen(_event, ws) {
          const close = (code: number, reason: string) => ws.close(code, reason.slice(0, 120))
          if (!resolved.ok) {
            if (resolved.error === 'room-not-found') {
              metrics.refusals.inc('room_not_found')
              close(CloseCode.RoomNotFound, 'room not found')
            } else {
              metrics.refusals.inc('unauthorized')
              close(CloseCode.Unauthorized, 'a valid token for this room is required')
            }
            return
          }
          const slot = admitted.admit(roomId, address)
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
            return
          }
          releaseSlot = slot.value
          const credential: Credential = resolved.value
          let name = credentialName(credential)
          role = credential.role
          logger.info('sync connection opened', { requestId, room: roomId, role })
          session = new SyncSession({
            roomId,
            registry,
            logger,
            metrics: metrics.sync,
            ...(limits.messageRate ? { messageRate: limits.messageRate } : {}),
            transport: {
              send: (frame) => {
                if (ws.readyState !== 1) return
                metrics.messagesSent.inc()
                ws.send(frame as Uint8Array<ArrayBuffer>)
              },
              close,
            },
            access: {
              canWrite: can(credential.role, 'board.edit'),
              canPublishPresence: can(credential.role, 'presence.publish'),
              principal: credential.member
                ? `member:${credential.member.id}`
                : `link:${credential.role}`,
              checkWrites: boardWritePolicy(credential.role, (reason) =>
                metrics.refusals.inc(reason),
              ),
              stampPresence: (state, doc) =>
                stampPresence(
                  state,
                  { name, role: credential.role, memberId: credential.member?.id ?? null },
                  doc,
                ),
            },
          })
          const opened = session
          forget = connections.add({
            credential,
            disconnect: (code, reason) => opened.disconnect(code, reason),
            rename: (newName) => (name = newName),
          })
          void opened.open()
        },
        onMessage(event) {
          metrics.messagesReceived.inc()
          const data = event.data
          session?.receive(typeof data === 'string' ? data : new Uint8Array(data as ArrayBuffer))
        },
        onClose(event) {
          forget()
          releaseSlot()
          session?.transportClosed()
          session = null
          logger.info('sync connection closed', {
            requestId,
            room: roomId,
            role,
            code: event.code,
            seconds: Math.round((Date.now() - openedAt) / 100) / 10,
          })
        },
        onError(event) {
          // ws closes the connection with 1009 itself; its close event then reports 1006, as it
          // stops reading before the client's closing handshake: count the refusal here.
          const error: unknown = (event as Event & { error?: unknown }).error
          if (isTooBig(error)) {
            metrics.refusals.inc('too_large')
            logger.warn('sync message too big', { requestId, room: roomId })
            return
          }
          logger.debug('sync socket error', { requestId, room: roomId, error: String(error) })
        },
      }
    }),
  )
  return app
}

function isTooBig(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH'
  )
}

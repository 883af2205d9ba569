import { upgradeWebSocket } from '@hono/node-server'
import type { AccessRepository } from '@accord/db'
import { can } from '@accord/facilitation'
import { CloseCode, err, type RoomRegistry, SyncSession } from '@accord/sync'
import { Hono } from 'hono'
import { type Credential, credentialName, resolveCredential } from '../access/credentials.js'
import type { LiveConnections } from '../access/live-connections.js'
import type { ServerLogger } from '../log.js'
import { roomIdPattern } from '../routes/rooms.js'
import { stampPresence } from './presence-stamp.js'
import { boardWritePolicy } from './write-policy.js'

/**
 * `GET /sync/:roomId?token=…` upgrades to a WebSocket speaking the y-websocket protocol; the
 * stock client connects with
 * `new WebsocketProvider(origin + '/sync', roomId, doc, { params: { token } })`.
 * What the connection may do follows from the token's role.
 */
export function syncRoutes(deps: {
  readonly registry: RoomRegistry
  readonly access: AccessRepository
  readonly logger: ServerLogger
  readonly connections: LiveConnections
}): Hono {
  const { registry, access, logger, connections } = deps
  const app = new Hono()

  app.get(
    '/:roomId',
    upgradeWebSocket(async (c) => {
      const roomId = c.req.param('roomId') ?? ''
      const resolved = roomIdPattern.test(roomId)
        ? await resolveCredential(access, roomId, c.req.query('token'))
        : err('room-not-found' as const)
      let session: SyncSession | null = null
      let forget = () => {}
      return {
        onOpen(_event, ws) {
          const close = (code: number, reason: string) => ws.close(code, reason.slice(0, 120))
          if (!resolved.ok) {
            if (resolved.error === 'room-not-found') close(CloseCode.RoomNotFound, 'room not found')
            else close(CloseCode.Unauthorized, 'a valid token for this room is required')
            return
          }
          const credential: Credential = resolved.value
          let name = credentialName(credential)
          session = new SyncSession({
            roomId,
            registry,
            logger,
            transport: {
              send: (frame) => {
                if (ws.readyState === 1) ws.send(frame as Uint8Array<ArrayBuffer>)
              },
              close,
            },
            access: {
              canWrite: can(credential.role, 'board.edit'),
              canPublishPresence: can(credential.role, 'presence.publish'),
              checkWrites: boardWritePolicy(credential.role),
              stampPresence: (state) =>
                stampPresence(state, {
                  name,
                  role: credential.role,
                  memberId: credential.member?.id ?? null,
                }),
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
          const data = event.data
          session?.receive(typeof data === 'string' ? data : new Uint8Array(data as ArrayBuffer))
        },
        onClose(event) {
          forget()
          session?.transportClosed()
          session = null
          if (event.code === CloseCode.MessageTooBig) {
            logger.warn('sync message too big', { room: roomId })
          }
          logger.debug('sync connection closed', { room: roomId, code: event.code })
        },
        onError(event) {
          logger.debug('sync socket error', { room: roomId, error: String(event) })
        },
      }
    }),
  )
  return app
}

import { upgradeWebSocket } from '@hono/node-server'
import { CloseCode, type RoomRegistry, SyncSession } from '@accord/sync'
import { Hono } from 'hono'
import type { ServerLogger } from '../log.js'
import { roomIdPattern } from '../routes/rooms.js'

/** Counts open sync connections, for /healthz and for shutdown. */
export class ConnectionCounter {
  private open = 0
  get count(): number {
    return this.open
  }
  opened(): void {
    this.open++
  }
  closed(): void {
    this.open--
  }
}

/**
 * `GET /sync/:roomId` upgrades to a WebSocket speaking the y-websocket protocol; the stock
 * client connects with `new WebsocketProvider(origin + '/sync', roomId, doc)`.
 */
export function syncRoutes(deps: {
  readonly registry: RoomRegistry
  readonly logger: ServerLogger
  readonly connections: ConnectionCounter
}): Hono {
  const { registry, logger, connections } = deps
  const app = new Hono()

  app.get(
    '/:roomId',
    upgradeWebSocket((c) => {
      const roomId = c.req.param('roomId') ?? ''
      let session: SyncSession | null = null
      return {
        onOpen(_event, ws) {
          connections.opened()
          session = new SyncSession({
            roomId,
            registry,
            logger,
            transport: {
              send: (frame) => {
                if (ws.readyState === 1) ws.send(frame as Uint8Array<ArrayBuffer>)
              },
              close: (code, reason) => ws.close(code, reason.slice(0, 120)),
            },
          })
          if (!roomIdPattern.test(roomId)) {
            ws.close(CloseCode.RoomNotFound, 'room not found')
            return
          }
          void session.open()
        },
        onMessage(event) {
          const data = event.data
          session?.receive(typeof data === 'string' ? data : new Uint8Array(data as ArrayBuffer))
        },
        onClose(event) {
          connections.closed()
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

/**
 * A bare protocol client: a `ws` socket that does the sync handshake with an empty document and
 * then hands every frame to its owner. Hundreds of them live in one generator process; a client
 * keeps no Yjs document, so its cost is the socket and a scan for marks.
 */
import { WebSocket } from 'ws'
import type { Dialect } from './dialect.js'
import {
  EMPTY_STATE_VECTOR,
  EMPTY_UPDATE,
  MESSAGE_SYNC,
  SYNC_STEP_1,
  SYNC_STEP_2,
  syncMessage,
} from './wire.js'

export interface RawClientOptions {
  readonly url: string
  readonly dialect: Dialect
  /** Every frame from the server, as received. */
  readonly onFrame?: (frame: Buffer) => void
  /**
   * Every message, unwrapped; when given, the owner answers the server's sync step 1 itself (a
   * client with a document answers with what it has).
   */
  readonly onMessage?: (body: Uint8Array) => void
  readonly onClose?: (code: number) => void
}

export class RawClient {
  private readonly socket: WebSocket
  private closedWith: number | null = null
  private closing = false
  /** Resolves once the server has sent its sync step 2: the client is in the room. */
  readonly synced: Promise<void>

  constructor(private readonly options: RawClientOptions) {
    const socket = new WebSocket(options.url, { perMessageDeflate: false })
    this.socket = socket
    this.synced = new Promise<void>((resolve, reject) => {
      const dialect = options.dialect
      socket.on('open', () => {
        for (const frame of dialect.opening()) socket.send(frame)
        this.send(syncMessage(SYNC_STEP_1, EMPTY_STATE_VECTOR))
      })
      socket.on('message', (data: Buffer) => {
        const body = dialect.unwrap(data)
        if (body[0] === MESSAGE_SYNC) {
          if (body[1] === SYNC_STEP_2) resolve()
          else if (body[1] === SYNC_STEP_1 && !options.onMessage) {
            this.send(syncMessage(SYNC_STEP_2, EMPTY_UPDATE))
          }
        }
        options.onMessage?.(body)
        options.onFrame?.(data)
      })
      socket.on('close', (code) => {
        this.closedWith = code
        reject(new Error(`closed with ${code} before the first sync`))
        if (!this.closing) options.onClose?.(code)
      })
      socket.on('error', (error) => reject(error))
    })
    // Awaited by the owner; a refusal must not surface as an unhandled rejection meanwhile.
    this.synced.catch(() => {})
  }

  send(body: Uint8Array): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(this.options.dialect.wrap(body))
  }

  get closeCode(): number | null {
    return this.closedWith
  }

  close(): Promise<void> {
    this.closing = true
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.resolve()
    return new Promise((resolve) => {
      this.socket.once('close', () => resolve())
      this.socket.close(1000)
      // A server that never answers the closing handshake: give up on it.
      setTimeout(() => {
        this.socket.terminate()
        resolve()
      }, 2000).unref()
    })
  }
}

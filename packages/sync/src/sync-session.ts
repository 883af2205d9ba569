/**
 * One client connection to one room, independent of the WebSocket library.
 *
 * Frames that arrive while the room loads are held (up to a bound) and handled in order once it
 * has loaded, so a sync step 1 is never answered from a partly loaded document.
 */
import { CloseCode } from './close-codes.js'
import type { Logger } from './logger.js'
import { noMetrics, type SyncMetrics } from './metrics.js'
import { fullAccess, type PeerAccess } from './peer-access.js'
import type { FrameScheduler } from './frame-scheduler.js'
import { decodeMessage } from './protocol.js'
import type { Peer, Room } from './room.js'
import type { RoomRegistry } from './room-registry.js'
import { type RateLimit, TokenBucket } from './token-bucket.js'

export interface SyncSessionOptions {
  readonly roomId: string
  readonly registry: RoomRegistry
  readonly transport: Peer
  readonly logger: Logger
  /** What this connection may do; full access when omitted. */
  readonly access?: PeerAccess
  /** Frames held while the room loads before the connection is refused. */
  readonly maxPendingFrames?: number
  /** Frames accepted per second (with a burst); beyond it the connection is closed with 4429. */
  readonly messageRate?: RateLimit
  /** Where refused frames are counted; nothing is collected when omitted. */
  readonly metrics?: SyncMetrics
  /**
   * Why this room's loaded document cannot be served here, or null. A reason closes the
   * connection with 4409 before it joins the room; every room is served when omitted.
   */
  readonly refuseDocument?: (room: Room) => string | null
  /**
   * Where frames wait for their room's turn (`frame-scheduler.ts`); handled as they arrive when
   * omitted.
   */
  readonly scheduler?: FrameScheduler
  /**
   * Stops and restarts reading the client's socket. With a scheduler, a connection with
   * `maxQueuedFrames` frames waiting is paused until half of them are handled: what it sends
   * meanwhile waits in the network's buffers, not in the server's memory.
   */
  readonly flow?: { pause(): void; resume(): void }
  /** Frames one connection may have waiting in the scheduler before it is paused (256). */
  readonly maxQueuedFrames?: number
}

export class SyncSession {
  private readonly options: SyncSessionOptions
  private readonly metrics: SyncMetrics
  private readonly bucket: TokenBucket | null
  private room: Room | null = null
  private pending: Uint8Array[] | null = []
  private closed = false
  /** Frames of this connection waiting in the scheduler, and whether reading is paused. */
  private queued = 0
  private paused = false
  /** The client has gone, but frames it sent before going still wait for their turn. */
  private leaving = false
  /** The peer the room sees; closing through it also ends this session. */
  private readonly peer: Peer

  constructor(options: SyncSessionOptions) {
    this.options = options
    this.metrics = options.metrics ?? noMetrics
    this.bucket = options.messageRate ? new TokenBucket(options.messageRate) : null
    this.peer = {
      send: (frame) => {
        if (!this.closed) options.transport.send(frame)
      },
      close: (code, reason) => this.closeWith(code, reason),
      ...(options.transport.pressure ? { pressure: options.transport.pressure } : {}),
    }
  }

  /** Starts loading the room; call once, right after the connection opens. */
  async open(): Promise<void> {
    const { registry, roomId, logger } = this.options
    let acquired
    try {
      acquired = await registry.acquire(roomId)
    } catch (error) {
      logger.error('room failed to load', { room: roomId, error: String(error) })
      return this.closeWith(CloseCode.InternalError, 'room failed to load')
    }
    if (!acquired.ok) return this.closeWith(CloseCode.RoomNotFound, 'room not found')
    const refusal = this.closed ? null : (this.options.refuseDocument?.(acquired.value) ?? null)
    if (this.closed || refusal !== null) {
      registry.release(acquired.value)
      if (refusal !== null) this.closeWith(CloseCode.IncompatibleDocument, refusal)
      return
    }
    this.room = acquired.value
    this.room.join(this.peer, this.options.access ?? fullAccess)
    const held = this.pending ?? []
    this.pending = null
    for (const frame of held) this.dispatch(frame)
  }

  /** Feeds one frame received from the client. Text frames are not part of the protocol. */
  receive(frame: Uint8Array | string): void {
    if (this.closed) return
    if (this.bucket && !this.bucket.take()) {
      this.metrics.refused('rate_limited')
      const perSecond = this.options.messageRate?.perSecond ?? 0
      this.options.logger.warn('connection over its message rate', { room: this.options.roomId })
      return this.closeWith(
        CloseCode.TooManyMessages,
        `too many messages: more than ${perSecond} per second`,
      )
    }
    if (typeof frame === 'string') {
      return this.refuse('text frames are not part of the protocol')
    }
    if (this.pending !== null) {
      if (this.pending.length >= (this.options.maxPendingFrames ?? 256)) {
        this.metrics.refused('too_many_pending')
        return this.closeWith(CloseCode.TooManyMessages, 'too many messages while loading')
      }
      this.pending.push(frame)
      return
    }
    this.dispatch(frame)
  }

  /** Ends the session from the server side (e.g. its credential was revoked). */
  disconnect(code: number, reason: string): void {
    this.closeWith(code, reason)
  }

  /** The transport closed (by either side): leave the room. */
  transportClosed(): void {
    // What the client sent before it went is handled as if it had stayed: an edit it sent and
    // then closed the socket is stored and relayed like any other.
    if (this.queued > 0) this.leaving = true
    else this.end()
  }

  /** Handles a frame now, or in its room's turn when there is a scheduler. */
  private dispatch(frame: Uint8Array): void {
    const { scheduler, flow } = this.options
    if (!scheduler) return this.handleFrame(frame)
    const high = this.options.maxQueuedFrames ?? 256
    this.queued++
    if (this.queued >= high && !this.paused && flow) {
      this.paused = true
      flow.pause()
    }
    scheduler.enqueue(this.options.roomId, () => {
      this.queued--
      if (this.paused && this.queued <= high / 2) {
        this.paused = false
        flow?.resume()
      }
      this.handleFrame(frame)
      if (this.leaving && this.queued === 0) this.end()
    })
  }

  private handleFrame(frame: Uint8Array): void {
    if (this.closed || this.room === null) return
    const message = decodeMessage(frame)
    if (!message.ok) return this.refuse(message.error)
    this.room.handle(this.peer, message.value)
  }

  private refuse(reason: string): void {
    this.metrics.refused('malformed')
    this.options.logger.warn('message refused', { room: this.options.roomId, reason })
    this.closeWith(CloseCode.MalformedMessage, reason)
  }

  private closeWith(code: number, reason: string): void {
    if (this.closed) return
    this.end()
    this.options.transport.close(code, reason)
  }

  private end(): void {
    if (this.closed) return
    this.closed = true
    this.pending = null
    const room = this.room
    this.room = null
    if (room) {
      room.leave(this.peer)
      this.options.registry.release(room)
    }
  }
}

/**
 * A client that speaks the real y-websocket protocol to a `SyncSession` over an in-memory
 * transport. It uses y-protocols' own sync handler, exactly as the stock WebsocketProvider does,
 * so rule tests run the true protocol without sockets.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import { silentLogger } from '../logger.js'
import type { SyncMetrics } from '../metrics.js'
import type { PeerAccess } from '../peer-access.js'
import type { Backpressure } from '../presence-backlog.js'
import { MessageType } from '../protocol.js'
import type { RoomRegistry } from '../room-registry.js'
import { SyncSession, type SyncSessionOptions } from '../sync-session.js'
import type { RateLimit } from '../token-bucket.js'

export interface CloseRecord {
  readonly code: number
  readonly reason: string
}

export interface InProcessClientOptions {
  /**
   * Send every awareness change back to the server, including ones received from it — what the
   * stock WebsocketProvider does.
   */
  readonly echoAwareness?: boolean
  /** What the server lets this connection do (full access when omitted). */
  readonly access?: PeerAccess
  /** Where the session counts refused frames. */
  readonly metrics?: SyncMetrics
  /** The session's rate limit (none when omitted). */
  readonly messageRate?: RateLimit
  /** The session's check of the room's document (every room served when omitted). */
  readonly refuseDocument?: SyncSessionOptions['refuseDocument']
  /** The document's Yjs client id (random when omitted): fixed ones make runs replayable. */
  readonly clientId?: number
  /** The connection's write queue as the room sees it (never backed up when omitted). */
  readonly pressure?: Backpressure
}

export class InProcessClient {
  readonly doc: Y.Doc
  readonly awareness: Awareness
  /** Every frame received from the server, in order. */
  readonly received: Uint8Array[] = []
  closedWith: CloseRecord | null = null
  synced = false
  private session: SyncSession | null = null

  constructor(
    private readonly registry: RoomRegistry,
    private readonly roomId: string,
    private readonly options: InProcessClientOptions = {},
  ) {
    this.doc = new Y.Doc()
    if (options.clientId !== undefined) this.doc.clientID = options.clientId
    this.awareness = new Awareness(this.doc)
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this || this.closedWith) return
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, MessageType.Sync)
      syncProtocol.writeUpdate(encoder, update)
      this.sendRaw(encoding.toUint8Array(encoder))
    })
    this.awareness.on(
      'update',
      (changes: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        if (this.closedWith) return
        const all = [...changes.added, ...changes.updated, ...changes.removed]
        // Local changes always go out; so does our own state when a server message changed it
        // (y-protocols re-announces a client that is told of its own departure). Everything
        // else only when echoing, as the stock provider does.
        const changed =
          origin !== this || options.echoAwareness
            ? all
            : all.filter((id) => id === this.doc.clientID)
        if (changed.length === 0) return
        const encoder = encoding.createEncoder()
        encoding.writeVarUint(encoder, MessageType.Awareness)
        encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(this.awareness, changed))
        this.sendRaw(encoding.toUint8Array(encoder))
      },
    )
  }

  /**
   * Opens a session and sends sync step 1 and the local awareness state, like the provider.
   * Can be called again after `disconnect`, keeping the document and awareness (a reconnect).
   */
  async connect(): Promise<void> {
    this.closedWith = null
    this.synced = false
    const session = new SyncSession({
      roomId: this.roomId,
      registry: this.registry,
      logger: silentLogger,
      ...(this.options.access ? { access: this.options.access } : {}),
      ...(this.options.metrics ? { metrics: this.options.metrics } : {}),
      ...(this.options.messageRate ? { messageRate: this.options.messageRate } : {}),
      ...(this.options.refuseDocument ? { refuseDocument: this.options.refuseDocument } : {}),
      transport: {
        send: (frame) => {
          if (this.session !== session) return
          this.received.push(frame)
          this.receiveFromServer(frame)
        },
        close: (code, reason) => {
          if (this.session === session) this.closedWith = { code, reason }
        },
        ...(this.options.pressure ? { pressure: this.options.pressure } : {}),
      },
    })
    this.session = session
    const opening = session.open()
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MessageType.Sync)
    syncProtocol.writeSyncStep1(encoder, this.doc)
    this.sendRaw(encoding.toUint8Array(encoder))
    if (this.awareness.getLocalState() !== null) {
      const awarenessEncoder = encoding.createEncoder()
      encoding.writeVarUint(awarenessEncoder, MessageType.Awareness)
      encoding.writeVarUint8Array(
        awarenessEncoder,
        encodeAwarenessUpdate(this.awareness, [this.doc.clientID]),
      )
      this.sendRaw(encoding.toUint8Array(awarenessEncoder))
    }
    await opening
  }

  /** Sends arbitrary bytes, bypassing the protocol (for hostile-input tests). */
  sendRaw(frame: Uint8Array | string): void {
    if (!this.closedWith) this.session?.receive(frame)
  }

  /** Drops the connection without saying goodbye (no null awareness state is sent). */
  disconnect(): void {
    this.session?.transportClosed()
    this.closedWith ??= { code: 1000, reason: 'client disconnected' }
  }

  destroy(): void {
    this.disconnect()
    this.awareness.destroy()
  }

  private receiveFromServer(frame: Uint8Array): void {
    const decoder = decoding.createDecoder(frame)
    const type = decoding.readVarUint(decoder)
    if (type === MessageType.Sync) {
      const reply = encoding.createEncoder()
      encoding.writeVarUint(reply, MessageType.Sync)
      const syncType = syncProtocol.readSyncMessage(decoder, reply, this.doc, this)
      if (syncType === syncProtocol.messageYjsSyncStep2) this.synced = true
      if (encoding.length(reply) > 1) {
        const bytes = encoding.toUint8Array(reply)
        queueMicrotask(() => this.sendRaw(bytes))
      }
    } else if (type === MessageType.Awareness) {
      applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), this)
    }
  }
}

/** Resolves after pending immediates, timers of 0 ms and microtasks have run. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await new Promise<void>((resolve) => setTimeout(resolve, 0))
    await new Promise<void>((resolve) => setImmediate(resolve))
  }
}

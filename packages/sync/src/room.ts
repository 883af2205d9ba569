/**
 * One loaded room: its Y.Doc, its awareness (presence) and the peers connected to it.
 *
 * Durability (SPEC.md S1–S3): a client update is validated, applied to the document, and the
 * *effective* update Yjs emits is queued. Once per event-loop turn the queue is appended to storage
 * in one write (group commit); only after that write resolves is anything relayed to other peers.
 * A sync step 2 answering a joiner is also sent only after queued writes resolve, so no peer can
 * ever receive content that a crash would lose.
 *
 * The room is the façade; each responsibility has a part of its own, lent what it needs:
 * `room-document-sync.ts` answers sync step 1s and checks and applies clients' updates;
 * `room-durable-log.ts` stores what was applied (and compacts the log); `room-peers.ts` holds the
 * peers and relays what was stored to them and to other instances; `room-presence.ts` keeps the
 * peers' presence.
 */
import type * as Y from 'yjs'
import type { Awareness } from 'y-protocols/awareness'
import { ClientIdOwners } from './client-ids.js'
import { CloseCode } from './close-codes.js'
import type { CompactionPolicy } from './compaction-policy.js'
import type { DocumentStore, StoredDocument } from './document-store.js'
import { systemClock } from './flush-pacer.js'
import { loadDocument } from './load-document.js'
import type { Logger } from './logger.js'
import { noMetrics, type SyncMetrics, type SyncRefusal } from './metrics.js'
import { fullAccess, type PeerAccess } from './peer-access.js'
import { type ClientMessage, encodeUpdate } from './protocol.js'
import { DocumentSync } from './room-document-sync.js'
import { DurableLog } from './room-durable-log.js'
import { type Peer, RoomPeers } from './room-peers.js'
import { RoomPresence } from './room-presence.js'
import { relayOrigin } from './room-relay.js'
import type { RoomRelayLink } from './room-relay-link.js'
import { StoredSize } from './stored-size.js'

export type { Peer } from './room-peers.js'

export interface RoomOptions {
  readonly id: string
  readonly stored: StoredDocument
  readonly store: DocumentStore
  readonly logger: Logger
  readonly compaction: CompactionPolicy
  /** Where refused messages are counted; nothing is collected when omitted. */
  readonly metrics?: SyncMetrics
  /**
   * Bound on the document's stored size (snapshot plus the updates since). A client update that
   * would pass it is refused; deletions are always accepted. Unbounded when omitted.
   */
  readonly maxDocumentBytes?: number
  /** Called once if the room can no longer be trusted (storage failure); it must be evicted. */
  readonly onBroken: (room: Room) => void
  /** Runs a task at the end of the current event-loop turn; injectable for tests. */
  readonly defer?: (task: () => void) => void
  /**
   * Frames the room may send per second, summed over its peers, before changes wait a little
   * and go out merged (`flush-pacer.ts`). Every change goes out at the end of its turn when
   * omitted or 0.
   */
  readonly framesPerSecond?: number
  /**
   * Presence states applied per peer per second at most (`presence-inbox.ts`); one sent sooner
   * waits, replaced by anything newer, until its time. Unlimited when omitted or 0 — each peer's
   * latest state is still applied once per turn, at most 64 peers' per turn.
   */
  readonly presencePerSecond?: number
  /**
   * The room's link to other instances serving it (`room-relay-link.ts`), already subscribed:
   * what this room stores and the presence of its peers are published there, and what the others
   * publish is applied here. Rooms on one instance only when omitted.
   */
  readonly link?: RoomRelayLink
}

export class Room {
  readonly id: string
  readonly doc: Y.Doc
  readonly awareness: Awareness

  private readonly options: RoomOptions
  private readonly metrics: SyncMetrics
  private readonly peers: RoomPeers
  private readonly log: DurableLog
  private readonly sync: DocumentSync
  private readonly presence: RoomPresence
  private broken = false

  constructor(options: RoomOptions) {
    this.options = options
    this.id = options.id
    const { store, logger, compaction, link } = options
    const defer = options.defer ?? setImmediate
    const clock = { ...systemClock, defer }
    const framesPerSecond = options.framesPerSecond ?? 0
    const isLive = () => !this.broken
    const fail = (reason: string) => this.breakRoom(reason)
    const refuse = (peer: Peer, reason: string, refusal?: SyncRefusal) =>
      this.refuse(peer, reason, refusal)
    this.metrics = options.metrics ?? noMetrics
    const doc = loadDocument(options.stored, logger, options.id)
    this.doc = doc
    const size = new StoredSize(options.stored)
    /**
     * The principal each Yjs client id belongs to (`PeerAccess.principal`), claimed by its first
     * use in an update or in presence, and stored with the room's next write. The server's own id
     * (new at each load) is its own, and stored once it has written under it.
     */
    const clientIds = new ClientIdOwners(options.stored.clientIds, doc.clientID)
    clientIds.claimUnowned(doc)
    const peers = new RoomPeers(link)
    this.peers = peers
    const log = new DurableLog({
      roomId: this.id,
      doc,
      store,
      logger,
      compaction,
      lastSeq: options.stored.lastSeq,
      clientIds,
      size,
      peers,
      link,
      framesPerSecond,
      clock,
      isLive,
      fail,
    })
    this.log = log
    this.sync = new DocumentSync({
      roomId: this.id,
      doc,
      peers,
      clientIds,
      log,
      size,
      maxDocumentBytes: options.maxDocumentBytes,
      metrics: this.metrics,
      logger,
      refuse,
      fail,
      isLive,
    })
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === relayOrigin) {
        // Stored by the instance that received it: passed on to this room's peers, not stored.
        peers.broadcast(encodeUpdate(update), undefined)
        return
      }
      log.queue(update, origin)
    })
    this.presence = new RoomPresence({
      doc,
      peers,
      clientIds,
      framesPerSecond,
      clock,
      presencePerSecond: options.presencePerSecond,
      claimed: () => log.schedule(),
      refuse,
      isLive,
    })
    this.awareness = this.presence.awareness
    link?.attach({ doc, awareness: this.awareness, clientIds, size, defer, isLive, fail })
  }

  join(peer: Peer, access: PeerAccess = fullAccess): void {
    this.peers.add(peer, access)
    this.sync.greet(peer)
    this.presence.welcome(peer)
  }

  leave(peer: Peer): void {
    const state = this.peers.remove(peer)
    if (state) this.presence.forget(peer, state)
  }

  handle(peer: Peer, message: ClientMessage): void {
    if (!this.peers.has(peer) || this.broken) return
    switch (message.kind) {
      case 'sync-step-1':
        return this.sync.answerSyncStep1(peer, message.stateVector)
      case 'sync-step-2':
      case 'update':
        return this.sync.receive(peer, message.update)
      case 'awareness':
        return this.presence.receive(peer, message.update)
      case 'query-awareness':
        return this.presence.answerQuery(peer)
    }
  }

  /** Resolves once every update applied so far is durably stored. */
  flushed(): Promise<void> {
    return this.log.flushed()
  }

  /**
   * Applies whatever other instances stored that has not reached this one through the relay yet
   * (a re-read of storage); nothing to do without a link. Run under the room's command lock, a
   * command then computes from every earlier command's change, on whichever instance it ran.
   */
  async catchUp(): Promise<void> {
    await this.options.link?.resync()
    if (this.broken) throw new Error(`room ${this.id} is unavailable: storage could not be read`)
  }

  /** Flushes, then folds the update log into a snapshot. Used before unloading. */
  flushAndCompact(): Promise<void> {
    return this.log.flushAndCompact()
  }

  /** Closes every peer and frees the document. The room must not be used afterwards. */
  destroy(code: number = CloseCode.GoingAway, reason = 'room closed'): void {
    this.log.stop()
    this.presence.stop()
    this.options.link?.close()
    this.peers.closeAll(code, reason)
    this.awareness.destroy()
    this.doc.destroy()
  }

  private refuse(peer: Peer, reason: string, refusal: SyncRefusal = 'malformed'): void {
    this.metrics.refused(refusal)
    this.options.logger.warn('message refused', { room: this.id, reason })
    this.leave(peer)
    peer.close(CloseCode.MalformedMessage, reason)
  }

  private breakRoom(reason: string): void {
    if (this.broken) return
    this.broken = true
    this.log.discard()
    this.options.onBroken(this)
    this.destroy(CloseCode.InternalError, reason)
  }
}

/**
 * One loaded room: its Y.Doc, its awareness (presence) and the peers connected to it.
 *
 * Durability (SPEC.md S1–S3): a client update is validated, applied to the document, and the
 * *effective* update Yjs emits is queued. Once per event-loop turn the queue is appended to storage
 * in one write (group commit); only after that write resolves is anything relayed to other peers.
 * A sync step 2 answering a joiner is also sent only after queued writes resolve, so no peer can
 * ever receive content that a crash would lose.
 */
import * as Y from 'yjs'
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate as encodeAwarenessStates,
  removeAwarenessStates,
} from 'y-protocols/awareness'
import {
  type AwarenessEntry,
  decodeAwarenessUpdate,
  encodeAwarenessUpdate,
} from './awareness-update.js'
import { ClientIdOwners } from './client-ids.js'
import { CloseCode } from './close-codes.js'
import { type CompactionPolicy, shouldCompact } from './compaction-policy.js'
import type { DocumentStore, StoredDocument } from './document-store.js'
import { FlushPacer, systemClock } from './flush-pacer.js'
import { loadDocument } from './load-document.js'
import type { Logger } from './logger.js'
import { noMetrics, type SyncMetrics, type SyncRefusal } from './metrics.js'
import { fullAccess, type PeerAccess } from './peer-access.js'
import {
  type ClientMessage,
  encodeAwareness,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeUpdate,
} from './protocol.js'
import { placeholderFor } from './placeholder-update.js'
import { type Backpressure, PresenceBacklog } from './presence-backlog.js'
import { PresenceInbox } from './presence-inbox.js'
import { ok, type Result } from './result.js'
import { relayChunks } from './relay-batches.js'
import { relayOrigin } from './room-relay.js'
import type { RoomRelayLink } from './room-relay-link.js'
import { StepOneReplies } from './step-one-replies.js'
import { StoredSize } from './stored-size.js'
import { type DecodedUpdate, inspectStateVector, inspectUpdate } from './update-validation.js'
import { describeWrites } from './update-writes.js'

/** A connected client as the room sees it: something to send frames to and to close. */
export interface Peer {
  /** Sends one binary frame. Must not throw. */
  send(frame: Uint8Array): void
  close(code: number, reason: string): void
  /** Whether frames wait unsent to it: presence then waits for it (`presence-backlog.ts`). */
  readonly pressure?: Backpressure
}

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

interface PeerState {
  readonly access: PeerAccess
  clientId: number | null
  /** A read-only peer is told once that its edits are refused, not at every keystroke. */
  toldReadOnly: boolean
  /** A sync step 2 is on its way to this peer: further step 1s until it is sent are ignored. */
  answering: boolean
}

interface PendingUpdate {
  readonly update: Uint8Array
  readonly origin: unknown
}

export class Room {
  readonly id: string
  readonly doc: Y.Doc
  readonly awareness: Awareness

  private readonly options: RoomOptions
  private readonly defer: (task: () => void) => void
  private readonly metrics: SyncMetrics
  /**
   * Each peer and the one awareness client id it speaks for: the first id it announces (the stock
   * provider announces its own state as soon as it connects). Stock providers also echo every
   * presence change they receive back to the server; entries for any other id are such echoes,
   * or forgeries, and are ignored.
   */
  private readonly peers = new Map<Peer, PeerState>()
  /** The live peer currently holding each client id: a second peer cannot take it over. */
  private readonly awarenessOwners = new Map<number, Peer>()
  /**
   * The principal each Yjs client id belongs to (`PeerAccess.principal`), claimed by its first
   * use in an update or in presence, and stored with the room's next write. The server's own id
   * (new at each load) is its own, and stored once it has written under it.
   */
  private readonly clientIds: ClientIdOwners
  private unpersisted: PendingUpdate[] = []
  private unpersistedBytes = 0
  /** Presence that changed this event-loop turn, and from which peers: relayed once per turn. */
  private awarenessChanged = new Set<number>()
  private awarenessOrigins = new Set<unknown>()
  /** Bumped on every document change; keys the step 2 replies that peers share. */
  private version = 0
  private readonly replies: StepOneReplies
  /** When stored edits and changed presence go out: each turn, or spaced under a frame budget. */
  private readonly editPacer: FlushPacer
  private readonly presencePacer: FlushPacer
  /** Presence received and not yet applied: each peer's latest, applied fairly. */
  private readonly presenceInbox: PresenceInbox<Peer>
  private readonly presenceBacklog = new PresenceBacklog<Peer>({
    sendOwed: (peer, clientIds) => {
      if (this.peers.has(peer) && !this.broken) peer.send(this.presenceOf(clientIds))
    },
  })
  private compactionScheduled = false
  /** Every storage operation is chained here, so appends and compactions never overlap. */
  private writes: Promise<void> = Promise.resolve()
  private lastSeq: number
  private readonly size: StoredSize
  private broken = false

  constructor(options: RoomOptions) {
    this.options = options
    this.id = options.id
    this.defer = options.defer ?? setImmediate
    const clock = { ...systemClock, defer: this.defer }
    const budget = options.framesPerSecond ?? 0
    this.editPacer = new FlushPacer(budget, this.flushEdits, clock)
    this.presencePacer = new FlushPacer(budget, this.flushAwareness, clock)
    this.presenceInbox = new PresenceInbox({
      apply: this.applyPresence,
      clock,
      ...(options.presencePerSecond ? { perSecond: options.presencePerSecond } : {}),
    })
    this.metrics = options.metrics ?? noMetrics
    this.lastSeq = options.stored.lastSeq
    this.doc = loadDocument(options.stored, options.logger, options.id)
    this.size = new StoredSize(options.stored)
    this.replies = new StepOneReplies(this.doc)
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      this.version++
      if (origin === relayOrigin) {
        // Stored by the instance that received it: passed on to this room's peers, not stored.
        this.broadcast(encodeUpdate(update), undefined)
        return
      }
      this.unpersisted.push({ update, origin })
      this.unpersistedBytes += update.byteLength
      // Stored before the content, in the same flush: owners go first (`persist`).
      this.clientIds.noteServerWrites(this.doc)
      this.scheduleFlush()
    })
    this.clientIds = new ClientIdOwners(options.stored.clientIds, this.doc.clientID)
    this.clientIds.claimUnowned(this.doc)
    this.awareness = new Awareness(this.doc)
    this.awareness.setLocalState(null)
    this.awareness.on('update', this.relayAwareness)
    options.link?.attach({
      doc: this.doc,
      awareness: this.awareness,
      clientIds: this.clientIds,
      size: this.size,
      defer: this.defer,
      isLive: () => !this.broken,
      fail: (reason) => this.breakRoom(reason),
    })
  }

  join(peer: Peer, access: PeerAccess = fullAccess): void {
    this.peers.set(peer, { access, clientId: null, toldReadOnly: false, answering: false })
    peer.send(encodeSyncStep1(Y.encodeStateVector(this.doc)))
    const present = [...this.awareness.getStates().keys()]
    if (present.length > 0) peer.send(this.presenceOf(present))
  }

  leave(peer: Peer): void {
    const state = this.peers.get(peer)
    if (!state) return
    this.peers.delete(peer)
    this.presenceInbox.forget(peer)
    this.presenceBacklog.forget(peer)
    const id = state.clientId
    if (id === null || this.awarenessOwners.get(id) !== peer) return
    this.awarenessOwners.delete(id)
    removeAwarenessStates(this.awareness, [id], null)
  }

  handle(peer: Peer, message: ClientMessage): void {
    if (!this.peers.has(peer) || this.broken) return
    switch (message.kind) {
      case 'sync-step-1':
        return this.answerSyncStep1(peer, message.stateVector)
      case 'sync-step-2':
      case 'update':
        return this.applyClientUpdate(peer, message.update)
      case 'awareness':
        return this.applyClientAwareness(peer, message.update)
      case 'query-awareness':
        return peer.send(this.presenceOf([...this.awareness.getStates().keys()]))
    }
  }

  /** Resolves once every update applied so far is durably stored. */
  flushed(): Promise<void> {
    if (this.unpersisted.length > 0 || this.clientIds.hasUnstored) this.startFlush()
    return this.writes
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
  async flushAndCompact(): Promise<void> {
    await this.flushed()
    this.writes = this.writes.then(() => this.compact())
    await this.writes
  }

  /** Closes every peer and frees the document. The room must not be used afterwards. */
  destroy(code: number = CloseCode.GoingAway, reason = 'room closed'): void {
    this.editPacer.stop()
    this.presencePacer.stop()
    this.presenceInbox.stop()
    this.options.link?.close()
    for (const peer of [...this.peers.keys()]) peer.close(code, reason)
    this.peers.clear()
    this.awareness.destroy()
    this.doc.destroy()
  }

  /**
   * At most one reply per peer is on its way: the reply covers the whole document as of now and
   * the peer receives every later change anyway, so a step 1 sent meanwhile asks for nothing
   * more. Replies are shared between peers (`step-one-replies.ts`): a crowd joining at once (a
   * workshop starting) costs one encoding, not one each.
   */
  private answerSyncStep1(peer: Peer, stateVector: Uint8Array): void {
    const checked = inspectStateVector(stateVector)
    if (!checked.ok) return this.refuse(peer, checked.error)
    const state = this.peers.get(peer)
    if (!state || state.answering) return
    state.answering = true
    // Encode now and send once what it contains is stored. Encoding after the wait would also
    // include updates that arrived meanwhile and are still being written.
    const reply = this.replies.replyFor(this.version, checked.value)
    void this.flushed().then(() => {
      state.answering = false
      if (this.peers.get(peer) === state && !this.broken) peer.send(reply)
    })
  }

  private applyClientUpdate(peer: Peer, received: Uint8Array): void {
    const checked = inspectUpdate(received)
    if (!checked.ok) return this.refuse(peer, checked.error)
    if (checked.value.isEmpty) return
    // Content the room already has is cut off first: Yjs would skip it anyway, but continuing
    // from the middle of content the room has garbage-collected makes it throw half-way through.
    const { update, decoded } = this.withoutKnownContent(received, checked.value.decoded)
    const state = this.peers.get(peer)
    if (!state?.access.canWrite) {
      this.metrics.refused('read_only')
      // Never applied, stored or relayed. Not a protocol error: a stock read-only client may
      // hold edits from before (its local copy), so it is told rather than disconnected.
      if (state && !state.toldReadOnly) {
        state.toldReadOnly = true
        peer.send(encodePermissionDenied('read-only: this connection may not change the board'))
      }
      return
    }
    const claimed = this.clientIds.claimWriters(state.access, this.doc, decoded.structs)
    if (claimed === null) {
      return this.refuse(peer, "update written under another client's id", 'forged_client_id')
    }
    if (claimed) this.scheduleFlush()
    if (!checked.value.deletesOnly && this.outgrows(update)) {
      this.metrics.refused('document_too_large')
      return this.refuseUpdate(peer, update, 'the board is full: delete something to make room')
    }
    const verdict = this.checkWrites(state.access, decoded)
    if (verdict === 'missing-dependencies') {
      // Dropped whole, no placeholder: the writer's clock numbers must stay free for this very
      // content, which an honest client sends again (with what it builds on) in its sync step 2.
      this.metrics.refused('missing_dependencies')
      return
    }
    if (!verdict.ok) return this.refuseUpdate(peer, update, verdict.error)
    try {
      Y.applyUpdate(this.doc, update, peer)
      this.discardPending()
    } catch (error) {
      // The update decoded but failed half-way through: the in-memory document may now hold part
      // of it. Breaking the room drops everything not yet stored (none of it was relayed) and
      // reloads the room from storage; honest peers resend their unstored edits on reconnect.
      this.options.logger.error('update failed to apply after validation', {
        room: this.id,
        error: String(error),
      })
      this.refuse(peer, 'update could not be applied')
      this.breakRoom('room reloading after a rejected update')
    }
  }

  private withoutKnownContent(
    update: Uint8Array,
    decoded: DecodedUpdate,
  ): { update: Uint8Array; decoded: DecodedUpdate } {
    // Known content is cut off whole too: applying it adds nothing, but decoding it for applying
    // creates every root type it names, so re-sent structs naming made-up roots would pile up
    // empty root types in the room's memory.
    const overlaps = decoded.structs.some(
      (struct) => struct.id.clock < Y.getState(this.doc.store, struct.id.client),
    )
    if (!overlaps) return { update, decoded }
    const trimmed = Y.diffUpdate(update, Y.encodeStateVector(this.doc))
    return { update: trimmed, decoded: Y.decodeUpdate(trimmed) }
  }

  /** Drops an update whole and tells its writer why. */
  private refuseUpdate(peer: Peer, update: Uint8Array, reason: string): void {
    this.options.logger.warn('update refused', { room: this.id, reason })
    // Keep the writer's clock numbers in use, or its later (allowed) updates could never apply.
    Y.applyUpdate(this.doc, placeholderFor(update), peer)
    this.discardPending()
    peer.send(encodePermissionDenied(reason))
  }

  /** Whether storing `update` would take the document past its bound. */
  private outgrows(update: Uint8Array): boolean {
    const max = this.options.maxDocumentBytes
    if (max === undefined) return false
    return this.size.total + this.unpersistedBytes + update.byteLength > max
  }

  /**
   * Yjs keeps the parts of an update whose dependencies it lacks, waiting for them. From a client
   * they never need keeping: what the server lacks, an honest client sends again in its sync step
   * 2 on (re)connecting. Kept, a hostile client could fill memory with content that never applies.
   */
  private discardPending(): void {
    const store = this.doc.store
    if (store.pendingStructs === null && store.pendingDs === null) return
    store.pendingStructs = null
    store.pendingDs = null
    this.metrics.refused('missing_dependencies')
  }

  private checkWrites(
    access: PeerAccess,
    update: DecodedUpdate,
  ): Result<void, string> | 'missing-dependencies' {
    if (!access.checkWrites) return ok(undefined)
    const writes = describeWrites(this.doc, update)
    if (!writes.ok) return 'missing-dependencies'
    return access.checkWrites(writes.value, this.doc)
  }

  /**
   * Checked as it arrives; applied from the inbox (`presence-inbox.ts`), where only the peer's
   * latest state waits and a flooding room takes its turn with the others.
   */
  private applyClientAwareness(peer: Peer, update: Uint8Array): void {
    const decoded = decodeAwarenessUpdate(update)
    if (!decoded.ok) return this.refuse(peer, decoded.error)
    const state = this.peers.get(peer)
    if (!state) return
    state.clientId ??= decoded.value[0]?.clientId ?? null
    const own = state.clientId
    // Another principal's id (a forgery): ignored. Claimed even by connections whose presence is
    // not published (viewers), so that nobody else can speak under their id either.
    if (own === null || !this.clientIds.mayUse(state.access, own)) return
    if (this.clientIds.claim(state.access, own)) this.scheduleFlush()
    if (!state.access.canPublishPresence) return
    const latest = decoded.value.findLast((entry) => entry.clientId === own)
    if (latest !== undefined) this.presenceInbox.put(peer, latest)
  }

  private readonly applyPresence = (peer: Peer, entry: AwarenessEntry): void => {
    const state = this.peers.get(peer)
    if (!state || this.broken) return
    const owner = this.awarenessOwners.get(entry.clientId)
    // Held by another live connection (a forgery, or this client's previous connection that
    // has not been noticed dead yet): ignored until that connection leaves.
    if (owner !== undefined && owner !== peer) return
    let accepted: AwarenessEntry[]
    try {
      accepted = [stamped(entry, state.access, this.doc)]
    } catch {
      // JSON that parses but cannot be written back (e.g. nested thousands deep).
      return this.refuse(peer, 'invalid presence state')
    }
    this.awarenessOwners.set(entry.clientId, peer)
    applyAwarenessUpdate(this.awareness, encodeAwarenessUpdate(accepted), peer)
    this.answerOutdatedPresence(peer, entry.clientId, accepted)
  }

  /**
   * A client that reconnects announces itself with the clock it had, but its departure was
   * recorded with a newer one, so the announcement is ignored as outdated. Sending it that
   * departure makes y-protocols on the client bump its clock and announce itself again.
   */
  private answerOutdatedPresence(peer: Peer, clientId: number, entries: AwarenessEntry[]): void {
    const known = this.awareness.meta.get(clientId)?.clock
    const announced = entries.some((entry) => entry.stateJson !== 'null')
    if (known === undefined || !announced || this.awareness.states.has(clientId)) return
    peer.send(
      encodeAwareness(encodeAwarenessUpdate([{ clientId, clock: known, stateJson: 'null' }])),
    )
  }

  private readonly relayAwareness = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...changes.added, ...changes.updated, ...changes.removed]
    if (changed.length === 0) return
    if (this.peers.size === 0) return
    for (const id of changed) this.awarenessChanged.add(id)
    this.awarenessOrigins.add(origin)
    this.presencePacer.schedule(this.peers.size)
  }

  /**
   * One awareness message per flush for every change since the last, encoded once: with hundreds
   * of people moving their cursors, each peer gets one frame a turn — or fewer, spaced by the
   * pacer — instead of one per person. A peer whose connection is backed up gets the newest
   * states once it drains instead (`presence-backlog.ts`).
   */
  private readonly flushAwareness = (): void => {
    const changed = [...this.awarenessChanged]
    const origins = [...this.awarenessOrigins]
    this.awarenessChanged = new Set()
    this.awarenessOrigins = new Set()
    if (this.broken || this.peers.size === 0 || changed.length === 0) return
    const frame = this.presenceOf(changed)
    // A peer's own presence is not sent back to it when it is the only one that changed.
    const except = origins.length === 1 ? origins[0] : undefined
    for (const peer of this.peers.keys()) {
      if (peer !== except && this.presenceBacklog.offer(peer, peer.pressure, changed)) {
        peer.send(frame)
      }
    }
  }

  /** An awareness message with the current presence of `clientIds` (gone: sent as removed). */
  private presenceOf(clientIds: readonly number[]): Uint8Array {
    return encodeAwareness(encodeAwarenessStates(this.awareness, [...clientIds]))
  }

  private scheduleFlush(): void {
    this.editPacer.schedule(this.peers.size)
  }

  private readonly flushEdits = (): void => {
    if (this.unpersisted.length > 0 || this.clientIds.hasUnstored) this.startFlush()
  }

  private startFlush(): void {
    const batch = this.unpersisted
    const claims = this.clientIds.takeUnstored()
    this.unpersisted = []
    this.unpersistedBytes = 0
    this.writes = this.writes.then(() => this.persist(batch, claims))
  }

  private async persist(
    batch: readonly PendingUpdate[],
    claims: ReadonlyMap<number, string>,
  ): Promise<void> {
    if (this.broken) return
    let seq: number
    try {
      // Owners first: content under a claimed id is never stored while its owner is not.
      if (claims.size > 0) await this.options.store.claimClientIds(this.id, claims)
      if (batch.length === 0) return
      seq = await this.options.store.appendUpdates(
        this.id,
        batch.map((entry) => entry.update),
      )
    } catch (error) {
      this.options.logger.error('storage write failed', { room: this.id, error: String(error) })
      this.breakRoom('storage unavailable')
      return
    }
    this.lastSeq = seq
    this.size.appended(batch.map((entry) => entry.update))
    const updates = this.relayBatch(batch)
    // Only now, with the append resolved, may other instances see it (X1). Owners go with the
    // first part, so they arrive before any content under them.
    updates.forEach((update, index) =>
      this.options.link?.publishStored(update, index === 0 ? claims : new Map()),
    )
    if (shouldCompact(this.size.log, this.options.compaction)) this.scheduleCompaction()
  }

  private scheduleCompaction(): void {
    if (this.compactionScheduled) return
    this.compactionScheduled = true
    // A timer, not the current turn: relaying comes first, compaction happens in the background.
    setTimeout(() => {
      this.compactionScheduled = false
      this.writes = this.writes.then(() => this.compact())
    }, 0)
  }

  private async compact(): Promise<void> {
    if (this.broken || this.size.log.updates === 0) return
    if (this.options.link) return this.compactStored(this.options.link)
    // The document may already hold applied-but-unflushed updates: a snapshot with more than the
    // log is safe (Yjs updates are idempotent); deleting only up to `lastSeq` keeps the rest.
    const snapshot = Y.encodeStateAsUpdate(this.doc)
    try {
      await this.options.store.compact(this.id, snapshot, this.lastSeq)
    } catch (error) {
      // Not fatal: the log is intact and a later compaction will try again.
      this.options.logger.warn('compaction failed', { room: this.id, error: String(error) })
      return
    }
    this.size.compacted(snapshot.byteLength)
  }

  /**
   * With other instances appending to the same room, "everything up to my last seq" may include
   * an update of theirs that the relay has not brought here yet: compacting this document would
   * delete it without it being in the snapshot. So the snapshot is built from what is stored,
   * inside the storage transaction that replaces it (X5).
   */
  private async compactStored(link: RoomRelayLink): Promise<void> {
    // Set inside the callback, where control-flow analysis cannot see it.
    let snapshotBytes = null as number | null
    try {
      await this.options.store.compactStored(this.id, (parts) => {
        const doc = loadDocument(
          { snapshot: null, updates: parts, lastSeq: 0, clientIds: new Map() },
          this.options.logger,
          this.id,
        )
        const snapshot = Y.encodeStateAsUpdate(doc)
        doc.destroy()
        snapshotBytes = snapshot.byteLength
        return snapshot
      })
    } catch (error) {
      this.options.logger.warn('compaction failed', { room: this.id, error: String(error) })
      return
    }
    // Nothing to fold: another instance compacted everything this one appended.
    if (snapshotBytes === null) return this.size.compacted(this.size.log.snapshotBytes)
    this.size.compacted(snapshotBytes)
    link.publishCompacted(snapshotBytes)
  }

  /**
   * One frame per turn for everything stored in it, encoded once — or a few, for a busy turn, so
   * that merging stays linear (`relay-batches.ts`). Updates from several writers are merged and
   * sent to everyone, their writers included (Yjs ignores what a client already has): cheaper
   * than one frame per update per peer when many people drag at once.
   */
  private relayBatch(batch: readonly PendingUpdate[]): Uint8Array[] {
    const chunks = relayChunks(batch)
    for (const chunk of chunks) this.broadcast(encodeUpdate(chunk.update), chunk.origin)
    return chunks.map((chunk) => chunk.update)
  }

  private broadcast(frame: Uint8Array, except: unknown): void {
    for (const peer of this.peers.keys()) if (peer !== except) peer.send(frame)
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
    this.unpersisted = []
    this.unpersistedBytes = 0
    this.options.onBroken(this)
    this.destroy(CloseCode.InternalError, reason)
  }
}

/** Applies the server's identity stamp to a presence state (a departure stays a departure). */
function stamped(entry: AwarenessEntry, access: PeerAccess, doc: Y.Doc): AwarenessEntry {
  if (!access.stampPresence || entry.stateJson === 'null') return entry
  const state: unknown = JSON.parse(entry.stateJson)
  return { ...entry, stateJson: JSON.stringify(access.stampPresence(state, doc)) }
}

/**
 * The room's side of the sync protocol for its document, with each peer.
 *
 * - Out (P4, S3, B5): a joiner is sent the server's sync step 1; a peer's step 1 is answered with
 *   a step 2 shared between peers (`step-one-replies.ts`), sent once what it holds is stored.
 * - In (R3, R5, R6, B2–B4): a client's step 2 or update is decoded in full and stripped of what the
 *   room already has, then refused — read-only connection, another principal's client id, the
 *   size bound, the write policy (`update-writes.ts`), missing dependencies — or applied. Refused,
 *   it is dropped whole and the writer told why; applied, the effective update Yjs emits is
 *   queued for storage by the room (`room-durable-log.ts`).
 */
import * as Y from 'yjs'
import type { ClientIdOwners } from './client-ids.js'
import type { Logger } from './logger.js'
import type { SyncMetrics, SyncRefusal } from './metrics.js'
import type { PeerAccess } from './peer-access.js'
import { placeholderFor } from './placeholder-update.js'
import { encodePermissionDenied, encodeSyncStep1 } from './protocol.js'
import { ok, type Result } from './result.js'
import type { DurableLog } from './room-durable-log.js'
import type { Peer, RoomPeers } from './room-peers.js'
import { StepOneReplies } from './step-one-replies.js'
import type { StoredSize } from './stored-size.js'
import { type DecodedUpdate, inspectStateVector, inspectUpdate } from './update-validation.js'
import { describeWrites } from './update-writes.js'

export interface DocumentSyncOptions {
  readonly roomId: string
  readonly doc: Y.Doc
  readonly peers: RoomPeers
  readonly clientIds: ClientIdOwners
  /** What step 2s wait for; where new client-id claims wait; what counts toward the bound. */
  readonly log: DurableLog
  readonly size: StoredSize
  /** `RoomOptions.maxDocumentBytes`: unbounded when undefined. */
  readonly maxDocumentBytes: number | undefined
  readonly metrics: SyncMetrics
  readonly logger: Logger
  /** Closes a peer that sent something it must not (P2, R6). */
  refuse(peer: Peer, reason: string, refusal?: SyncRefusal): void
  /** The document can no longer be trusted: the room must reload from storage. */
  fail(reason: string): void
  /** False once the room is broken: no more step 2s are sent. */
  isLive(): boolean
}

export class DocumentSync {
  private readonly options: DocumentSyncOptions
  /** Bumped on every document change; keys the step 2 replies that peers share. */
  private version = 0
  private readonly replies: StepOneReplies

  constructor(options: DocumentSyncOptions) {
    this.options = options
    this.replies = new StepOneReplies(options.doc)
    options.doc.on('update', () => {
      this.version++
    })
  }

  /** A joiner is sent the server's sync step 1 (P4): it answers with what the room lacks. */
  greet(peer: Peer): void {
    peer.send(encodeSyncStep1(Y.encodeStateVector(this.options.doc)))
  }

  /**
   * At most one reply per peer is on its way: the reply covers the whole document as of now and
   * the peer receives every later change anyway, so a step 1 sent meanwhile asks for nothing
   * more. Replies are shared between peers (`step-one-replies.ts`): a crowd joining at once (a
   * workshop starting) costs one encoding, not one each.
   */
  answerSyncStep1(peer: Peer, stateVector: Uint8Array): void {
    const checked = inspectStateVector(stateVector)
    if (!checked.ok) return this.options.refuse(peer, checked.error)
    const { peers } = this.options
    const state = peers.get(peer)
    if (!state || state.answering) return
    state.answering = true
    // Encode now and send once what it contains is stored. Encoding after the wait would also
    // include updates that arrived meanwhile and are still being written.
    const reply = this.replies.replyFor(this.version, checked.value)
    void this.options.log.flushed().then(() => {
      state.answering = false
      if (peers.get(peer) === state && this.options.isLive()) peer.send(reply)
    })
  }

  /** A client's sync step 2 or update: applied, or refused whole. */
  receive(peer: Peer, received: Uint8Array): void {
    const { doc, metrics, clientIds } = this.options
    const checked = inspectUpdate(received)
    if (!checked.ok) return this.options.refuse(peer, checked.error)
    if (checked.value.isEmpty) return
    // Content the room already has is cut off first: Yjs would skip it anyway, but continuing
    // from the middle of content the room has garbage-collected makes it throw half-way through.
    const { update, decoded } = this.withoutKnownContent(received, checked.value.decoded)
    const state = this.options.peers.get(peer)
    if (!state?.access.canWrite) {
      metrics.refused('read_only')
      // Never applied, stored or relayed. Not a protocol error: a stock read-only client may
      // hold edits from before (its local copy), so it is told rather than disconnected.
      if (state && !state.toldReadOnly) {
        state.toldReadOnly = true
        peer.send(encodePermissionDenied('read-only: this connection may not change the board'))
      }
      return
    }
    const claimed = clientIds.claimWriters(state.access, doc, decoded.structs)
    if (claimed === null) {
      return this.options.refuse(
        peer,
        "update written under another client's id",
        'forged_client_id',
      )
    }
    if (claimed) this.options.log.schedule()
    if (!checked.value.deletesOnly && this.outgrows(update)) {
      metrics.refused('document_too_large')
      return this.refuseUpdate(peer, update, 'the board is full: delete something to make room')
    }
    const verdict = this.checkWrites(state.access, decoded)
    if (verdict === 'missing-dependencies') {
      // Dropped whole, no placeholder: the writer's clock numbers must stay free for this very
      // content, which an honest client sends again (with what it builds on) in its sync step 2.
      metrics.refused('missing_dependencies')
      return
    }
    if (!verdict.ok) return this.refuseUpdate(peer, update, verdict.error)
    try {
      Y.applyUpdate(doc, update, peer)
      this.discardPending()
    } catch (error) {
      // The update decoded but failed half-way through: the in-memory document may now hold part
      // of it. Breaking the room drops everything not yet stored (none of it was relayed) and
      // reloads the room from storage; honest peers resend their unstored edits on reconnect.
      this.options.logger.error('update failed to apply after validation', {
        room: this.options.roomId,
        error: String(error),
      })
      this.options.refuse(peer, 'update could not be applied')
      this.options.fail('room reloading after a rejected update')
    }
  }

  private withoutKnownContent(
    update: Uint8Array,
    decoded: DecodedUpdate,
  ): { update: Uint8Array; decoded: DecodedUpdate } {
    const { doc } = this.options
    // Known content is cut off whole too: applying it adds nothing, but decoding it for applying
    // creates every root type it names, so re-sent structs naming made-up roots would pile up
    // empty root types in the room's memory.
    const overlaps = decoded.structs.some(
      (struct) => struct.id.clock < Y.getState(doc.store, struct.id.client),
    )
    if (!overlaps) return { update, decoded }
    const trimmed = Y.diffUpdate(update, Y.encodeStateVector(doc))
    return { update: trimmed, decoded: Y.decodeUpdate(trimmed) }
  }

  /** Drops an update whole and tells its writer why. */
  private refuseUpdate(peer: Peer, update: Uint8Array, reason: string): void {
    this.options.logger.warn('update refused', { room: this.options.roomId, reason })
    // Keep the writer's clock numbers in use, or its later (allowed) updates could never apply.
    Y.applyUpdate(this.options.doc, placeholderFor(update), peer)
    this.discardPending()
    peer.send(encodePermissionDenied(reason))
  }

  /** Whether storing `update` would take the document past its bound. */
  private outgrows(update: Uint8Array): boolean {
    const max = this.options.maxDocumentBytes
    if (max === undefined) return false
    return this.options.size.total + this.options.log.queuedBytes + update.byteLength > max
  }

  /**
   * Yjs keeps the parts of an update whose dependencies it lacks, waiting for them. From a client
   * they never need keeping: what the server lacks, an honest client sends again in its sync step
   * 2 on (re)connecting. Kept, a hostile client could fill memory with content that never applies.
   */
  private discardPending(): void {
    const store = this.options.doc.store
    if (store.pendingStructs === null && store.pendingDs === null) return
    store.pendingStructs = null
    store.pendingDs = null
    this.options.metrics.refused('missing_dependencies')
  }

  private checkWrites(
    access: PeerAccess,
    update: DecodedUpdate,
  ): Result<void, string> | 'missing-dependencies' {
    if (!access.checkWrites) return ok(undefined)
    const writes = describeWrites(this.options.doc, update)
    if (!writes.ok) return 'missing-dependencies'
    return access.checkWrites(writes.value, this.options.doc)
  }
}

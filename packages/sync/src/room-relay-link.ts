/**
 * A loaded room's link to the other instances serving it (SPEC.md, "Scale-out"): it subscribes to
 * the room on the relay before the room is read from storage and holds what arrives until the
 * room exists (X3); applies what the others publish (X2, X4); re-reads storage after a gap (X3);
 * publishes what this instance stored and its own peers' presence (X1, X4); removes the presence
 * that came from an instance that went silent (X6); and counts what the others store toward the
 * room's size bound (X7).
 *
 * The room stays in charge of its peers: whatever the link applies carries `relayOrigin`, and the
 * room passes it on to its peers without storing or publishing it again.
 */
import * as Y from 'yjs'
import {
  type Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate as encodeAwarenessStates,
  removeAwarenessStates,
} from 'y-protocols/awareness'
import { decodeAwarenessUpdate } from './awareness-update.js'
import type { ClientIdOwners } from './client-ids.js'
import type { DocumentStore, StoredDocument } from './document-store.js'
import { loadDocument } from './load-document.js'
import type { Logger } from './logger.js'
import { type RelayMessage, relayOrigin, type RoomRelay } from './room-relay.js'
import type { StoredSize } from './stored-size.js'

export interface RoomRelayLinkOptions {
  readonly relay: RoomRelay
  readonly roomId: string
  readonly store: DocumentStore
  readonly logger: Logger
}

/** What the link works on: the room's state, lent to it by the room (`attach`). */
export interface LinkedRoom {
  readonly doc: Y.Doc
  readonly awareness: Awareness
  readonly clientIds: ClientIdOwners
  readonly size: StoredSize
  /** Runs a task at the end of the current event-loop turn. */
  readonly defer: (task: () => void) => void
  /** False once the room is broken: nothing more is applied or published. */
  isLive(): boolean
  /** Storage could not be re-read: the room can no longer be trusted. */
  fail(reason: string): void
}

/** What arrived before the room existed, in order. */
type Held =
  | { readonly kind: 'message'; readonly message: RelayMessage; readonly from: string }
  | { readonly kind: 'gone'; readonly instance: string }

export class RoomRelayLink {
  private room: LinkedRoom | null = null
  private held: Held[] = []
  private gapWhileHeld = false
  private unsubscribe: (() => void) | null = null
  /** The instance each relayed presence state came from, to remove it if that instance dies. */
  private readonly presenceFrom = new Map<number, string>()
  /** Presence of this instance's own peers that changed this turn: published once per turn. */
  private presenceToPublish = new Set<number>()
  private presenceFlushScheduled = false
  /** A re-read from storage in progress, and whether another was asked for meanwhile. */
  private resyncing: Promise<void> | null = null
  private resyncAgain = false

  private constructor(private readonly options: RoomRelayLinkOptions) {}

  /**
   * Subscribes to the room (X3: before it is read from storage). Messages are held until
   * `attach`; the link must be `close`d if the room is never created.
   */
  static async open(options: RoomRelayLinkOptions): Promise<RoomRelayLink> {
    const link = new RoomRelayLink(options)
    link.unsubscribe = await options.relay.subscribe(options.roomId, {
      onMessage: (message, from) => link.received({ kind: 'message', message, from }),
      onGap: () => (link.room ? void link.resync() : (link.gapWhileHeld = true)),
      onInstanceGone: (instance) => link.received({ kind: 'gone', instance }),
    })
    return link
  }

  /** Starts working on `room`: applies what arrived meanwhile, and re-reads after a gap. */
  attach(room: LinkedRoom): void {
    this.room = room
    room.awareness.on('update', this.presenceChanged)
    const held = this.held
    this.held = []
    for (const each of held) this.handle(room, each)
    if (this.gapWhileHeld) void this.resync()
  }

  /** Ends the subscription: nothing more is received. */
  close(): void {
    this.unsubscribe?.()
    this.unsubscribe = null
  }

  /** Publishes what this instance stored (X1: only once its append resolved). */
  publishStored(update: Uint8Array, claims: ReadonlyMap<number, string>): void {
    this.options.relay.publish(this.options.roomId, { kind: 'update', update, claims: [...claims] })
  }

  /** Tells the others this instance folded the stored log into a snapshot of that size (X7). */
  publishCompacted(snapshotBytes: number): void {
    this.options.relay.publish(this.options.roomId, { kind: 'compacted', snapshotBytes })
  }

  /**
   * Re-reads the room from storage and applies whatever this instance lacks (X3): after the
   * relay may have dropped messages. Concurrent requests share one read plus one more.
   */
  resync(): Promise<void> {
    const room = this.room
    if (room === null) {
      this.gapWhileHeld = true
      return Promise.resolve()
    }
    if (this.resyncing) {
      this.resyncAgain = true
      return this.resyncing
    }
    const run = async (): Promise<void> => {
      do {
        this.resyncAgain = false
        let stored: StoredDocument | null
        try {
          stored = await this.options.store.loadDocument(this.options.roomId)
        } catch (error) {
          this.options.logger.error('re-reading the room from storage failed', {
            room: this.options.roomId,
            error: String(error),
          })
          room.fail('storage unavailable')
          return
        }
        if (stored === null || !room.isLive()) return
        this.applyStored(room, stored)
      } while (this.resyncAgain && room.isLive())
    }
    this.resyncing = run().finally(() => (this.resyncing = null))
    return this.resyncing
  }

  private received(event: Held): void {
    if (this.room) this.handle(this.room, event)
    else this.held.push(event)
  }

  private handle(room: LinkedRoom, event: Held): void {
    if (!room.isLive()) return
    if (event.kind === 'gone') return this.removePresenceOf(room, event.instance)
    this.applyRelayed(room, event.message, event.from)
  }

  /**
   * Applies what another instance published (X2): it was validated and stored there, so it is
   * neither checked nor stored again here, only passed on to this room's peers.
   */
  private applyRelayed(room: LinkedRoom, message: RelayMessage, from: string): void {
    try {
      switch (message.kind) {
        case 'compacted':
          room.size.compacted(message.snapshotBytes)
          return
        case 'awareness':
          applyAwarenessUpdate(room.awareness, message.update, relayOrigin)
          this.notePresenceFrom(room, message.update, from)
          return
        case 'update':
          room.clientIds.adopt(message.claims)
          Y.applyUpdate(room.doc, message.update, relayOrigin)
          room.size.storedElsewhere(message.update.byteLength)
      }
    } catch (error) {
      this.options.logger.error('relayed message failed to apply', {
        room: this.options.roomId,
        error: String(error),
      })
    }
    const store = room.doc.store
    // It builds on something this instance missed (X3): storage has it.
    if (store.pendingStructs !== null || store.pendingDs !== null) void this.resync()
  }

  private applyStored(room: LinkedRoom, stored: StoredDocument): void {
    room.clientIds.adopt(stored.clientIds)
    room.size.reread(stored)
    const loaded = loadDocument(stored, this.options.logger, this.options.roomId)
    try {
      const missing = Y.encodeStateAsUpdate(loaded, Y.encodeStateVector(room.doc))
      Y.applyUpdate(room.doc, missing, relayOrigin)
    } finally {
      loaded.destroy()
    }
  }

  /** Remembers which instance each presence state just applied came from (X6). */
  private notePresenceFrom(room: LinkedRoom, update: Uint8Array, from: string): void {
    const entries = decodeAwarenessUpdate(update)
    if (!entries.ok) return
    for (const { clientId, clock } of entries.value) {
      const applied = room.awareness.meta.get(clientId)?.clock === clock
      if (applied && room.awareness.states.has(clientId)) this.presenceFrom.set(clientId, from)
    }
  }

  /**
   * The presence an instance relayed dies with it (X6): removed here, and the removal passed on
   * to this room's peers. Every instance does this on its own, so it is not published.
   */
  private removePresenceOf(room: LinkedRoom, instance: string): void {
    const ids: number[] = []
    for (const [clientId, from] of this.presenceFrom) {
      if (from !== instance) continue
      this.presenceFrom.delete(clientId)
      if (room.awareness.states.has(clientId)) ids.push(clientId)
    }
    if (ids.length === 0) return
    this.options.logger.info('removing the presence of an instance that went silent', {
      room: this.options.roomId,
      instance,
      clients: ids.length,
    })
    removeAwarenessStates(room.awareness, ids, relayOrigin)
  }

  private readonly presenceChanged = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    for (const id of changes.removed) this.presenceFrom.delete(id)
    // Changes made here (a peer's presence, a peer leaving) go to the other instances; relayed
    // ones came from there, and every instance times out silent clients on its own (X4).
    if (origin === relayOrigin || origin === 'timeout') return
    const changed = [...changes.added, ...changes.updated, ...changes.removed]
    if (changed.length === 0 || this.room === null) return
    for (const id of changed) {
      // Now this instance's own peer's: no other instance's death removes it.
      this.presenceFrom.delete(id)
      this.presenceToPublish.add(id)
    }
    if (this.presenceFlushScheduled) return
    this.presenceFlushScheduled = true
    this.room.defer(this.publishPresence)
  }

  /** One awareness message per turn for every change of this instance's peers in it (A4). */
  private readonly publishPresence = (): void => {
    this.presenceFlushScheduled = false
    const ids = [...this.presenceToPublish]
    this.presenceToPublish = new Set()
    const room = this.room
    if (room === null || !room.isLive() || ids.length === 0) return
    const update = encodeAwarenessStates(room.awareness, ids)
    this.options.relay.publish(this.options.roomId, { kind: 'awareness', update })
  }
}

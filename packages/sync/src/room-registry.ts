/**
 * Loads rooms on demand and unloads them when idle; the store is the source of truth.
 *
 * Each room id is in exactly one state: loading, loaded or unloading. A connection that arrives
 * while its room unloads waits for the unload (which flushes and compacts) to finish and then
 * loads it afresh, so a room is never unloaded with a save in flight nor loaded twice.
 */
import { type CompactionPolicy, defaultCompactionPolicy } from './compaction-policy.js'
import type { DocumentStore, StoredDocument } from './document-store.js'
import { type Logger, silentLogger } from './logger.js'
import { noMetrics, type SyncMetrics } from './metrics.js'
import { Room } from './room.js'
import { err, ok, type Result } from './result.js'
import type { RoomRelay } from './room-relay.js'
import { RoomRelayLink } from './room-relay-link.js'

export interface RoomRegistryOptions {
  readonly store: DocumentStore
  readonly logger?: Logger
  readonly compaction?: CompactionPolicy
  /** How long a room with no connections stays in memory (0 = unload as soon as it is idle). */
  readonly idleUnloadMs?: number
  /** Where rooms report refused messages; nothing is collected when omitted. */
  readonly metrics?: SyncMetrics
  /** Each room's bound on its stored document size (`RoomOptions.maxDocumentBytes`). */
  readonly maxDocumentBytes?: number
  /** Each room's frame budget (`RoomOptions.framesPerSecond`); unpaced when omitted. */
  readonly framesPerSecond?: number
  /** Each peer's presence rate (`RoomOptions.presencePerSecond`); unlimited when omitted. */
  readonly presencePerSecond?: number
  /** Other instances serving the same rooms (`RoomOptions.relay`); none when omitted. */
  readonly relay?: RoomRelay
  /**
   * When each room flushes what changed (`RoomOptions.defer`): the end of the event-loop turn
   * when omitted. With a `FrameScheduler`, `queueMicrotask` flushes right after the scheduler's
   * turn — everything a room took in that turn in one write — instead of one loop iteration later.
   */
  readonly defer?: (task: () => void) => void
}

type Entry =
  | { readonly state: 'loading'; readonly room: Promise<Room | null>; refs: number }
  | { readonly state: 'loaded'; readonly room: Room; refs: number; idleTimer?: NodeJS.Timeout }
  | { readonly state: 'unloading'; readonly done: Promise<void> }

export type AcquireError = 'room-not-found'

export class RoomRegistry {
  private readonly entries = new Map<string, Entry>()
  private readonly store: DocumentStore
  private readonly logger: Logger
  private readonly compaction: CompactionPolicy
  private readonly idleUnloadMs: number
  private readonly metrics: SyncMetrics
  private readonly maxDocumentBytes: number | undefined
  private readonly framesPerSecond: number
  private readonly presencePerSecond: number
  private readonly relay: RoomRelay | undefined
  private readonly defer: ((task: () => void) => void) | undefined

  constructor(options: RoomRegistryOptions) {
    this.store = options.store
    this.logger = options.logger ?? silentLogger
    this.compaction = options.compaction ?? defaultCompactionPolicy
    this.idleUnloadMs = options.idleUnloadMs ?? 0
    this.metrics = options.metrics ?? noMetrics
    this.maxDocumentBytes = options.maxDocumentBytes
    this.framesPerSecond = options.framesPerSecond ?? 0
    this.presencePerSecond = options.presencePerSecond ?? 0
    this.relay = options.relay
    this.defer = options.defer
  }

  /** Number of rooms held in memory (loading or loaded). */
  get loadedCount(): number {
    let count = 0
    for (const entry of this.entries.values()) if (entry.state !== 'unloading') count++
    return count
  }

  /**
   * Returns the room, loaded in full from storage, and counts one more user of it. Every
   * successful acquire must be matched by one `release`.
   */
  async acquire(roomId: string): Promise<Result<Room, AcquireError>> {
    for (;;) {
      const entry = this.entries.get(roomId)
      if (entry === undefined) {
        const loading = { state: 'loading' as const, room: this.load(roomId), refs: 1 }
        this.entries.set(roomId, loading)
        return this.settleLoad(roomId, loading)
      }
      if (entry.state === 'unloading') {
        await entry.done
        continue
      }
      entry.refs++
      if (entry.state === 'loading') return this.settleLoad(roomId, entry)
      clearTimeout(entry.idleTimer)
      entry.idleTimer = undefined
      return ok(entry.room)
    }
  }

  release(room: Room): void {
    const entry = this.entries.get(room.id)
    if (entry?.state !== 'loaded' || entry.room !== room) return
    entry.refs--
    if (entry.refs > 0) return
    clearTimeout(entry.idleTimer)
    entry.idleTimer = setTimeout(() => void this.unload(room.id, room), this.idleUnloadMs)
  }

  /** Flushes, compacts and frees every loaded room (graceful shutdown). */
  async closeAll(): Promise<void> {
    const loading = [...this.entries.values()].flatMap((e) =>
      e.state === 'loading' ? [e.room] : [],
    )
    await Promise.allSettled(loading)
    const pending: Promise<void>[] = []
    for (const [id, entry] of this.entries) {
      if (entry.state === 'loaded') pending.push(this.unload(id, entry.room))
      if (entry.state === 'unloading') pending.push(entry.done)
    }
    await Promise.all(pending)
  }

  private async load(roomId: string): Promise<Room | null> {
    if (this.relay) return this.loadRelayed(roomId, this.relay)
    const stored = await this.store.loadDocument(roomId)
    if (stored === null) return null
    return this.createRoom(roomId, stored)
  }

  /**
   * Subscribes first, then reads storage (X3): whatever another instance stores meanwhile is
   * either in what is read or among the messages the link holds until the room exists (applying
   * something twice is harmless).
   */
  private async loadRelayed(roomId: string, relay: RoomRelay): Promise<Room | null> {
    const link = await RoomRelayLink.open({ relay, roomId, store: this.store, logger: this.logger })
    let stored: StoredDocument | null
    try {
      stored = await this.store.loadDocument(roomId)
    } catch (error) {
      link.close()
      throw error
    }
    if (stored === null) {
      link.close()
      return null
    }
    return this.createRoom(roomId, stored, link)
  }

  private createRoom(roomId: string, stored: StoredDocument, link?: RoomRelayLink): Room {
    return new Room({
      id: roomId,
      stored,
      store: this.store,
      logger: this.logger,
      compaction: this.compaction,
      metrics: this.metrics,
      maxDocumentBytes: this.maxDocumentBytes,
      framesPerSecond: this.framesPerSecond,
      presencePerSecond: this.presencePerSecond,
      onBroken: (room) => this.evict(room),
      ...(this.defer ? { defer: this.defer } : {}),
      link,
    })
  }

  private async settleLoad(
    roomId: string,
    entry: Extract<Entry, { state: 'loading' }>,
  ): Promise<Result<Room, AcquireError>> {
    let room: Room | null
    try {
      room = await entry.room
    } catch (error) {
      if (this.entries.get(roomId) === entry) this.entries.delete(roomId)
      throw error
    }
    if (room === null) {
      if (this.entries.get(roomId) === entry) this.entries.delete(roomId)
      return err('room-not-found')
    }
    const current = this.entries.get(roomId)
    if (current === entry) {
      // The first waiter to see the load finish promotes the entry; the refs carry over.
      this.entries.set(roomId, { state: 'loaded', room, refs: entry.refs })
    }
    return ok(room)
  }

  private async unload(roomId: string, room: Room): Promise<void> {
    const entry = this.entries.get(roomId)
    if (entry?.state !== 'loaded' || entry.room !== room) return
    clearTimeout(entry.idleTimer)
    let finish!: () => void
    const done = new Promise<void>((resolve) => (finish = resolve))
    this.entries.set(roomId, { state: 'unloading', done })
    try {
      await room.flushAndCompact()
    } catch (error) {
      this.logger.error('flush before unload failed', { room: roomId, error: String(error) })
    } finally {
      // Also ends the room's relay subscription.
      room.destroy()
      this.entries.delete(roomId)
      finish()
    }
    this.logger.info('room unloaded', { room: roomId })
  }

  /** A broken room leaves the registry; it destroys itself (and its relay subscription). */
  private evict(room: Room): void {
    const entry = this.entries.get(room.id)
    if (entry?.state === 'loaded' && entry.room === room) {
      clearTimeout(entry.idleTimer)
      this.entries.delete(room.id)
    }
  }
}

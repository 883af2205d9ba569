import type { DocumentStore, StoredDocument } from './document-store.js'

interface MemoryRoom {
  snapshot: Uint8Array | null
  updates: { seq: number; data: Uint8Array }[]
  /** The last sequence number folded into the snapshot. */
  throughSeq: number
  readonly clientIds: Map<number, string>
}

/** A `DocumentStore` held in memory: for tests and for embedding without a database. */
export class MemoryDocumentStore implements DocumentStore {
  private readonly rooms = new Map<string, MemoryRoom>()
  private seq = 0

  createRoom(roomId: string): void {
    if (!this.rooms.has(roomId)) {
      this.rooms.set(roomId, { snapshot: null, updates: [], throughSeq: 0, clientIds: new Map() })
    }
  }

  loadDocument(roomId: string): Promise<StoredDocument | null> {
    const room = this.rooms.get(roomId)
    if (!room) return Promise.resolve(null)
    return Promise.resolve({
      snapshot: room.snapshot,
      updates: room.updates.map((u) => u.data),
      lastSeq: room.updates.at(-1)?.seq ?? room.throughSeq,
      clientIds: new Map(room.clientIds),
    })
  }

  appendUpdates(roomId: string, updates: readonly Uint8Array[]): Promise<number> {
    const room = this.rooms.get(roomId)
    if (!room) return Promise.reject(new Error(`unknown room ${roomId}`))
    for (const data of updates) room.updates.push({ seq: ++this.seq, data: data.slice() })
    return Promise.resolve(this.seq)
  }

  compact(roomId: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    const room = this.rooms.get(roomId)
    if (!room) return Promise.reject(new Error(`unknown room ${roomId}`))
    room.snapshot = snapshot.slice()
    room.throughSeq = Math.max(room.throughSeq, throughSeq)
    room.updates = room.updates.filter((u) => u.seq > throughSeq)
    return Promise.resolve()
  }

  compactStored(
    roomId: string,
    merge: (parts: readonly Uint8Array[]) => Uint8Array,
  ): Promise<void> {
    const room = this.rooms.get(roomId)
    if (!room) return Promise.reject(new Error(`unknown room ${roomId}`))
    if (room.updates.length === 0) return Promise.resolve()
    const read = [...room.updates]
    const updates = read.map((u) => u.data)
    const snapshot = merge(room.snapshot ? [room.snapshot, ...updates] : updates).slice()
    const last = read.at(-1)!.seq
    // Exactly what was read is replaced: an append made meanwhile stays in the log.
    room.snapshot = snapshot
    room.throughSeq = last
    room.updates = room.updates.filter((u) => u.seq > last)
    return Promise.resolve()
  }

  claimClientIds(roomId: string, claims: ReadonlyMap<number, string>): Promise<void> {
    const room = this.rooms.get(roomId)
    if (!room) return Promise.reject(new Error(`unknown room ${roomId}`))
    for (const [clientId, principal] of claims) {
      if (!room.clientIds.has(clientId)) room.clientIds.set(clientId, principal)
    }
    return Promise.resolve()
  }

  /** Number of logged (not yet compacted) updates: lets tests observe compaction. */
  updateCount(roomId: string): number {
    return this.rooms.get(roomId)?.updates.length ?? 0
  }
}

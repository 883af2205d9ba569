import type { DocumentStore, StoredDocument } from '@accord/sync'
import { and, asc, eq, lte } from 'drizzle-orm'
import type { AccordSqliteDb } from './sqlite-database.js'
import { documentClientIds, documentSnapshots, documentUpdates, rooms } from './schema/index.js'

/**
 * Room documents in SQLite. better-sqlite3 is synchronous, so each method has finished its
 * transaction (and, with synchronous=FULL, its fsync) before the returned promise exists.
 */
export class SqliteDocumentStore implements DocumentStore {
  /**
   * Appends are the hot path (one per event-loop turn per busy room): one statement prepared once,
   * run per update inside one transaction, rather than a query built and prepared per batch.
   */
  private readonly appendBatch: (roomId: string, updates: readonly Uint8Array[]) => number

  constructor(private readonly db: AccordSqliteDb) {
    const insert = db.$client.prepare<[string, Buffer], { seq: number }>(
      'INSERT INTO document_updates (room_id, data) VALUES (?, ?) RETURNING seq',
    )
    this.appendBatch = db.$client.transaction((roomId: string, updates: readonly Uint8Array[]) => {
      let seq = 0
      for (const data of updates) {
        const row = insert.get(roomId, Buffer.from(data))
        if (!row) throw new Error('append returned no sequence number')
        seq = row.seq
      }
      return seq
    })
  }

  async loadDocument(roomId: string): Promise<StoredDocument | null> {
    return this.db.transaction((tx) => {
      const room = tx.select({ id: rooms.id }).from(rooms).where(eq(rooms.id, roomId)).get()
      if (!room) return null
      const snapshot = tx
        .select({ data: documentSnapshots.data, throughSeq: documentSnapshots.throughSeq })
        .from(documentSnapshots)
        .where(eq(documentSnapshots.roomId, roomId))
        .get()
      const updates = tx
        .select({ seq: documentUpdates.seq, data: documentUpdates.data })
        .from(documentUpdates)
        .where(eq(documentUpdates.roomId, roomId))
        .orderBy(asc(documentUpdates.seq))
        .all()
      const owners = tx
        .select({ clientId: documentClientIds.clientId, principal: documentClientIds.principal })
        .from(documentClientIds)
        .where(eq(documentClientIds.roomId, roomId))
        .all()
      return {
        snapshot: snapshot ? toBytes(snapshot.data) : null,
        updates: updates.map((row) => toBytes(row.data)),
        lastSeq: updates.at(-1)?.seq ?? snapshot?.throughSeq ?? 0,
        clientIds: new Map(owners.map((row) => [row.clientId, row.principal])),
      }
    })
  }

  async appendUpdates(roomId: string, updates: readonly Uint8Array[]): Promise<number> {
    if (updates.length === 0) throw new Error('append of an empty batch')
    // One transaction: the whole batch is stored, or none of it.
    return this.appendBatch(roomId, updates)
  }

  async compact(roomId: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    this.db.transaction((tx) => {
      const row = { roomId, data: Buffer.from(snapshot), throughSeq, updatedAt: new Date() }
      tx.insert(documentSnapshots)
        .values(row)
        .onConflictDoUpdate({ target: documentSnapshots.roomId, set: row })
        .run()
      tx.delete(documentUpdates)
        .where(and(eq(documentUpdates.roomId, roomId), lte(documentUpdates.seq, throughSeq)))
        .run()
    })
  }

  async compactStored(
    roomId: string,
    merge: (parts: readonly Uint8Array[]) => Uint8Array,
  ): Promise<void> {
    // IMMEDIATE takes the write lock before the reads: another process appending to the same
    // file waits, so the updates deleted are exactly the updates merged.
    this.db.transaction(
      (tx) => {
        const snapshot = tx
          .select({ data: documentSnapshots.data })
          .from(documentSnapshots)
          .where(eq(documentSnapshots.roomId, roomId))
          .get()
        const updates = tx
          .select({ seq: documentUpdates.seq, data: documentUpdates.data })
          .from(documentUpdates)
          .where(eq(documentUpdates.roomId, roomId))
          .orderBy(asc(documentUpdates.seq))
          .all()
        const last = updates.at(-1)
        if (last === undefined) return
        const parts = updates.map((row) => toBytes(row.data))
        if (snapshot) parts.unshift(toBytes(snapshot.data))
        const row = {
          roomId,
          data: Buffer.from(merge(parts)),
          throughSeq: last.seq,
          updatedAt: new Date(),
        }
        tx.insert(documentSnapshots)
          .values(row)
          .onConflictDoUpdate({ target: documentSnapshots.roomId, set: row })
          .run()
        tx.delete(documentUpdates)
          .where(and(eq(documentUpdates.roomId, roomId), lte(documentUpdates.seq, last.seq)))
          .run()
      },
      { behavior: 'immediate' },
    )
  }

  async claimClientIds(roomId: string, claims: ReadonlyMap<number, string>): Promise<void> {
    if (claims.size === 0) return
    // One statement, one transaction; an id already claimed keeps its owner.
    this.db
      .insert(documentClientIds)
      .values([...claims].map(([clientId, principal]) => ({ roomId, clientId, principal })))
      .onConflictDoNothing()
      .run()
  }
}

/** Copies out of SQLite's buffer, so callers own bytes that nothing else will change. */
function toBytes(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer)
}

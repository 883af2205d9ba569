import type { DocumentStore, StoredDocument } from '@accord/sync'
import { and, asc, eq, inArray, lte } from 'drizzle-orm'
import type { AccordPgDb } from './pg-database.js'
import { documentClientIds, documentSnapshots, documentUpdates, rooms } from './schema-pg/index.js'

/**
 * Room documents in PostgreSQL. Each method is one transaction, committed — and so, with the
 * default `synchronous_commit=on`, flushed to the server's WAL — before its promise resolves.
 */
export class PgDocumentStore implements DocumentStore {
  constructor(private readonly db: AccordPgDb) {}

  async loadDocument(roomId: string): Promise<StoredDocument | null> {
    // One snapshot of the database for all four reads: a compaction committing meanwhile cannot
    // make the snapshot and the update log disagree.
    return this.db.transaction(
      async (tx) => {
        const [room] = await tx.select({ id: rooms.id }).from(rooms).where(eq(rooms.id, roomId))
        if (!room) return null
        const [snapshot] = await tx
          .select({ data: documentSnapshots.data, throughSeq: documentSnapshots.throughSeq })
          .from(documentSnapshots)
          .where(eq(documentSnapshots.roomId, roomId))
        const updates = await tx
          .select({ seq: documentUpdates.seq, data: documentUpdates.data })
          .from(documentUpdates)
          .where(eq(documentUpdates.roomId, roomId))
          .orderBy(asc(documentUpdates.seq))
        const owners = await tx
          .select({ clientId: documentClientIds.clientId, principal: documentClientIds.principal })
          .from(documentClientIds)
          .where(eq(documentClientIds.roomId, roomId))
        return {
          snapshot: snapshot ? toBytes(snapshot.data) : null,
          updates: updates.map((row) => toBytes(row.data)),
          lastSeq: updates.at(-1)?.seq ?? snapshot?.throughSeq ?? 0,
          clientIds: new Map(owners.map((row) => [row.clientId, row.principal])),
        }
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    )
  }

  async appendUpdates(roomId: string, updates: readonly Uint8Array[]): Promise<number> {
    if (updates.length === 0) throw new Error('append of an empty batch')
    // One INSERT statement is one transaction: the whole batch is stored, or none of it.
    const rows = await this.db
      .insert(documentUpdates)
      .values(updates.map((data) => ({ roomId, data: Buffer.from(data) })))
      .returning({ seq: documentUpdates.seq })
    return rows.reduce((last, row) => Math.max(last, row.seq), 0)
  }

  async compact(roomId: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    await this.db.transaction(async (tx) => {
      const row = { roomId, data: Buffer.from(snapshot), throughSeq, updatedAt: new Date() }
      await tx
        .insert(documentSnapshots)
        .values(row)
        .onConflictDoUpdate({ target: documentSnapshots.roomId, set: row })
      await tx
        .delete(documentUpdates)
        .where(and(eq(documentUpdates.roomId, roomId), lte(documentUpdates.seq, throughSeq)))
    })
  }

  async compactStored(
    roomId: string,
    merge: (parts: readonly Uint8Array[]) => Uint8Array,
  ): Promise<void> {
    await this.db.transaction(async (tx) => {
      // The room's row lock serialises compactions of one room across processes. Appends do not
      // take it: a sequence number can commit after a higher one, so the delete names exactly
      // the rows read — a range (`seq <= last`) could take an update committed meanwhile.
      await tx.select({ id: rooms.id }).from(rooms).where(eq(rooms.id, roomId)).for('update')
      const [snapshot] = await tx
        .select({ data: documentSnapshots.data })
        .from(documentSnapshots)
        .where(eq(documentSnapshots.roomId, roomId))
      const updates = await tx
        .select({ seq: documentUpdates.seq, data: documentUpdates.data })
        .from(documentUpdates)
        .where(eq(documentUpdates.roomId, roomId))
        .orderBy(asc(documentUpdates.seq))
        .limit(MAX_UPDATES_PER_COMPACTION)
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
      await tx
        .insert(documentSnapshots)
        .values(row)
        .onConflictDoUpdate({ target: documentSnapshots.roomId, set: row })
      await tx.delete(documentUpdates).where(
        and(
          eq(documentUpdates.roomId, roomId),
          inArray(
            documentUpdates.seq,
            updates.map((update) => update.seq),
          ),
        ),
      )
    })
  }

  async claimClientIds(roomId: string, claims: ReadonlyMap<number, string>): Promise<void> {
    if (claims.size === 0) return
    // One statement, one transaction; an id already claimed keeps its owner.
    await this.db
      .insert(documentClientIds)
      .values([...claims].map(([clientId, principal]) => ({ roomId, clientId, principal })))
      .onConflictDoNothing()
  }
}

/** Keeps the delete's list of sequence numbers well under PostgreSQL's 65,535 parameters. */
const MAX_UPDATES_PER_COMPACTION = 10_000

/** Copies out of the driver's buffer, so callers own bytes that nothing else will change. */
function toBytes(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer)
}

import { and, asc, count, eq, isNull } from 'drizzle-orm'
import type { PrivateNoteRecord, PrivateNoteRepository } from './private-note-repository.js'
import type { AccordSqliteDb } from './sqlite-database.js'
import { privateNotes } from './schema/index.js'

export class SqlitePrivateNoteRepository implements PrivateNoteRepository {
  constructor(private readonly db: AccordSqliteDb) {}

  async add(note: PrivateNoteRecord): Promise<void> {
    this.db.insert(privateNotes).values(note).run()
  }

  async byMember(roomId: string, memberId: string): Promise<PrivateNoteRecord[]> {
    return this.db
      .select()
      .from(privateNotes)
      .where(and(eq(privateNotes.roomId, roomId), eq(privateNotes.memberId, memberId)))
      .orderBy(asc(privateNotes.createdAt))
      .all()
  }

  async unrevealed(roomId: string, memberId?: string): Promise<PrivateNoteRecord[]> {
    const conditions = [eq(privateNotes.roomId, roomId), isNull(privateNotes.revealedAt)]
    if (memberId !== undefined) conditions.push(eq(privateNotes.memberId, memberId))
    return this.db
      .select()
      .from(privateNotes)
      .where(and(...conditions))
      .orderBy(asc(privateNotes.createdAt))
      .all()
  }

  async edit(
    roomId: string,
    memberId: string,
    noteId: string,
    text: string,
    at: Date,
  ): Promise<boolean> {
    const result = this.db
      .update(privateNotes)
      .set({ text, updatedAt: at })
      .where(this.ownUnrevealed(roomId, memberId, noteId))
      .run()
    return result.changes > 0
  }

  async remove(roomId: string, memberId: string, noteId: string): Promise<boolean> {
    return (
      this.db
        .delete(privateNotes)
        .where(this.ownUnrevealed(roomId, memberId, noteId))
        .run().changes > 0
    )
  }

  async markRevealed(
    revealed: readonly { id: string; shapeId: string }[],
    at: Date,
  ): Promise<void> {
    this.db.transaction((tx) => {
      for (const { id, shapeId } of revealed) {
        tx.update(privateNotes)
          .set({ revealedAt: at, shapeId })
          .where(eq(privateNotes.id, id))
          .run()
      }
    })
  }

  async unrevealedCounts(roomId: string): Promise<Map<string, number>> {
    const rows = this.db
      .select({ memberId: privateNotes.memberId, notes: count() })
      .from(privateNotes)
      .where(and(eq(privateNotes.roomId, roomId), isNull(privateNotes.revealedAt)))
      .groupBy(privateNotes.memberId)
      .all()
    return new Map(rows.map((row) => [row.memberId, row.notes]))
  }

  private ownUnrevealed(roomId: string, memberId: string, noteId: string) {
    return and(
      eq(privateNotes.id, noteId),
      eq(privateNotes.roomId, roomId),
      eq(privateNotes.memberId, memberId),
      isNull(privateNotes.revealedAt),
    )
  }
}

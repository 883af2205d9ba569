import { and, asc, count, eq, isNull } from 'drizzle-orm'
import type { AccordPgDb } from './pg-database.js'
import type { PrivateNoteRecord, PrivateNoteRepository } from './private-note-repository.js'
import { privateNotes } from './schema-pg/index.js'

export class PgPrivateNoteRepository implements PrivateNoteRepository {
  constructor(private readonly db: AccordPgDb) {}

  async add(note: PrivateNoteRecord): Promise<void> {
    await this.db.insert(privateNotes).values(note)
  }

  async byMember(roomId: string, memberId: string): Promise<PrivateNoteRecord[]> {
    return this.db
      .select()
      .from(privateNotes)
      .where(and(eq(privateNotes.roomId, roomId), eq(privateNotes.memberId, memberId)))
      .orderBy(asc(privateNotes.createdAt))
  }

  async unrevealed(roomId: string, memberId?: string): Promise<PrivateNoteRecord[]> {
    const conditions = [eq(privateNotes.roomId, roomId), isNull(privateNotes.revealedAt)]
    if (memberId !== undefined) conditions.push(eq(privateNotes.memberId, memberId))
    return this.db
      .select()
      .from(privateNotes)
      .where(and(...conditions))
      .orderBy(asc(privateNotes.createdAt))
  }

  async edit(
    roomId: string,
    memberId: string,
    noteId: string,
    text: string,
    at: Date,
  ): Promise<boolean> {
    const result = await this.db
      .update(privateNotes)
      .set({ text, updatedAt: at })
      .where(this.ownUnrevealed(roomId, memberId, noteId))
    return (result.rowCount ?? 0) > 0
  }

  async remove(roomId: string, memberId: string, noteId: string): Promise<boolean> {
    const result = await this.db
      .delete(privateNotes)
      .where(this.ownUnrevealed(roomId, memberId, noteId))
    return (result.rowCount ?? 0) > 0
  }

  async markRevealed(
    revealed: readonly { id: string; shapeId: string }[],
    at: Date,
  ): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const { id, shapeId } of revealed) {
        await tx
          .update(privateNotes)
          .set({ revealedAt: at, shapeId })
          .where(eq(privateNotes.id, id))
      }
    })
  }

  async unrevealedCounts(roomId: string): Promise<Map<string, number>> {
    const rows = await this.db
      .select({ memberId: privateNotes.memberId, notes: count() })
      .from(privateNotes)
      .where(and(eq(privateNotes.roomId, roomId), isNull(privateNotes.revealedAt)))
      .groupBy(privateNotes.memberId)
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

import { and, asc, count, eq, isNull } from 'drizzle-orm'
import type { SqlDialect } from './dialect/sql-dialect.js'
import { run } from './dialect/steps.js'

export interface PrivateNoteRecord {
  readonly id: string
  readonly roomId: string
  readonly memberId: string
  readonly text: string
  readonly createdAt: Date
  readonly updatedAt: Date
  readonly revealedAt: Date | null
  readonly shapeId: string | null
  /** The template region the note was written for (revealed into it), or null. */
  readonly region: string | null
}

/** Notes written privately; each is only ever read back by its author, until revealed. */
export interface PrivateNoteRepository {
  add(note: PrivateNoteRecord): Promise<void>
  /** The author's own notes, oldest first. */
  byMember(roomId: string, memberId: string): Promise<PrivateNoteRecord[]>
  /** Notes not yet revealed: all of the room's, or one member's. */
  unrevealed(roomId: string, memberId?: string): Promise<PrivateNoteRecord[]>
  /** Changes the text of an unrevealed note of this author; false if there is none. */
  edit(roomId: string, memberId: string, noteId: string, text: string, at: Date): Promise<boolean>
  /** Deletes an unrevealed note of this author; false if there is none. */
  remove(roomId: string, memberId: string, noteId: string): Promise<boolean>
  markRevealed(revealed: readonly { id: string; shapeId: string }[], at: Date): Promise<void>
  /** How many unrevealed notes each member has. */
  unrevealedCounts(roomId: string): Promise<Map<string, number>>
}

/** Private notes in SQL, for either dialect. */
export class SqlPrivateNoteRepository implements PrivateNoteRepository {
  constructor(private readonly db: SqlDialect) {}

  async add(note: PrivateNoteRecord): Promise<void> {
    const { privateNotes } = this.db.tables
    await this.db.run((q) => q.insert(privateNotes).values(note))
  }

  async byMember(roomId: string, memberId: string): Promise<PrivateNoteRecord[]> {
    const { privateNotes } = this.db.tables
    return this.db.rows((q) =>
      q
        .select()
        .from(privateNotes)
        .where(and(eq(privateNotes.roomId, roomId), eq(privateNotes.memberId, memberId)))
        .orderBy(asc(privateNotes.createdAt)),
    )
  }

  async unrevealed(roomId: string, memberId?: string): Promise<PrivateNoteRecord[]> {
    const { privateNotes } = this.db.tables
    const conditions = [eq(privateNotes.roomId, roomId), isNull(privateNotes.revealedAt)]
    if (memberId !== undefined) conditions.push(eq(privateNotes.memberId, memberId))
    return this.db.rows((q) =>
      q
        .select()
        .from(privateNotes)
        .where(and(...conditions))
        .orderBy(asc(privateNotes.createdAt)),
    )
  }

  async edit(
    roomId: string,
    memberId: string,
    noteId: string,
    text: string,
    at: Date,
  ): Promise<boolean> {
    const { privateNotes } = this.db.tables
    const changed = await this.db.run((q) =>
      q
        .update(privateNotes)
        .set({ text, updatedAt: at })
        .where(this.ownUnrevealed(roomId, memberId, noteId)),
    )
    return changed > 0
  }

  async remove(roomId: string, memberId: string, noteId: string): Promise<boolean> {
    const { privateNotes } = this.db.tables
    const removed = await this.db.run((q) =>
      q.delete(privateNotes).where(this.ownUnrevealed(roomId, memberId, noteId)),
    )
    return removed > 0
  }

  async markRevealed(
    revealed: readonly { id: string; shapeId: string }[],
    at: Date,
  ): Promise<void> {
    const { privateNotes } = this.db.tables
    await this.db.write(function* () {
      for (const { id, shapeId } of revealed) {
        yield* run((q) =>
          q.update(privateNotes).set({ revealedAt: at, shapeId }).where(eq(privateNotes.id, id)),
        )
      }
    })
  }

  async unrevealedCounts(roomId: string): Promise<Map<string, number>> {
    const { privateNotes } = this.db.tables
    const counts = await this.db.rows((q) =>
      q
        .select({ memberId: privateNotes.memberId, notes: count() })
        .from(privateNotes)
        .where(and(eq(privateNotes.roomId, roomId), isNull(privateNotes.revealedAt)))
        .groupBy(privateNotes.memberId),
    )
    return new Map(counts.map((row) => [row.memberId, row.notes]))
  }

  private ownUnrevealed(roomId: string, memberId: string, noteId: string) {
    const { privateNotes } = this.db.tables
    return and(
      eq(privateNotes.id, noteId),
      eq(privateNotes.roomId, roomId),
      eq(privateNotes.memberId, memberId),
      isNull(privateNotes.revealedAt),
    )
  }
}

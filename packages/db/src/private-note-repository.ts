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

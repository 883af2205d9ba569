import type { Role } from '@accord/facilitation'
import { and, asc, desc, eq, gt, lte, sql } from 'drizzle-orm'
import type {
  AccessRepository,
  AuditEntry,
  AuditPage,
  CommandRecord,
  MemberRecord,
  RoomLink,
} from './access-repository.js'
import type { AccordSqliteDb } from './sqlite-database.js'
import { members, roomCommands, roomLinks } from './schema/index.js'

export class SqliteAccessRepository implements AccessRepository {
  constructor(private readonly db: AccordSqliteDb) {}

  async links(roomId: string): Promise<Record<Role, RoomLink> | null> {
    const rows = this.db.select().from(roomLinks).where(eq(roomLinks.roomId, roomId)).all()
    if (rows.length === 0) return null
    const byRole = Object.fromEntries(
      rows.map((row) => [row.role, { token: row.token, generation: row.generation }]),
    ) as Partial<Record<Role, RoomLink>>
    const { facilitator, participant, viewer } = byRole
    if (!facilitator || !participant || !viewer) throw new Error(`room ${roomId} lacks a link`)
    return { facilitator, participant, viewer }
  }

  async rotateLink(roomId: string, role: Role, token: string): Promise<number> {
    const row = this.db
      .update(roomLinks)
      .set({ token, generation: sql`${roomLinks.generation} + 1`, updatedAt: new Date() })
      .where(and(eq(roomLinks.roomId, roomId), eq(roomLinks.role, role)))
      .returning({ generation: roomLinks.generation })
      .get()
    if (!row) throw new Error(`room ${roomId} has no ${role} link`)
    return row.generation
  }

  async addMember(member: MemberRecord): Promise<void> {
    this.db.insert(members).values(member).run()
  }

  async findMember(roomId: string, memberId: string): Promise<MemberRecord | null> {
    return (
      this.db
        .select()
        .from(members)
        .where(and(eq(members.roomId, roomId), eq(members.id, memberId)))
        .get() ?? null
    )
  }

  async members(roomId: string): Promise<MemberRecord[]> {
    return this.db
      .select()
      .from(members)
      .where(eq(members.roomId, roomId))
      .orderBy(asc(members.joinedAt))
      .all()
  }

  async renameMember(roomId: string, memberId: string, name: string): Promise<void> {
    this.db
      .update(members)
      .set({ name })
      .where(and(eq(members.roomId, roomId), eq(members.id, memberId)))
      .run()
  }

  async confirmMember(roomId: string, memberId: string, linkGeneration: number): Promise<void> {
    this.db
      .update(members)
      .set({ linkGeneration })
      .where(and(eq(members.roomId, roomId), eq(members.id, memberId)))
      .run()
  }

  async recordCommand(command: CommandRecord, keep: number): Promise<void> {
    const sameOutcome = and(
      eq(roomCommands.roomId, command.roomId),
      eq(roomCommands.outcome, command.outcome),
    )
    this.db.transaction((tx) => {
      tx.insert(roomCommands).values(command).run()
      // The newest entry past the ones kept: it and everything older go.
      const cutoff = tx
        .select({ seq: roomCommands.seq })
        .from(roomCommands)
        .where(sameOutcome)
        .orderBy(desc(roomCommands.seq))
        .limit(1)
        .offset(keep)
        .get()
      if (cutoff) {
        tx.delete(roomCommands)
          .where(and(sameOutcome, lte(roomCommands.seq, cutoff.seq)))
          .run()
      }
    })
  }

  async commands(roomId: string, page: AuditPage): Promise<AuditEntry[]> {
    return this.db
      .select({
        seq: roomCommands.seq,
        roomId: roomCommands.roomId,
        memberId: roomCommands.memberId,
        role: roomCommands.role,
        type: roomCommands.type,
        payload: roomCommands.payload,
        outcome: roomCommands.outcome,
        reason: roomCommands.reason,
        at: roomCommands.at,
      })
      .from(roomCommands)
      .where(and(eq(roomCommands.roomId, roomId), gt(roomCommands.seq, page.after ?? 0)))
      .orderBy(asc(roomCommands.seq))
      .limit(page.limit)
      .all()
  }
}

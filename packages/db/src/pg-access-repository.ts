import type { Role } from '@accord/facilitation'
import { and, asc, eq, sql } from 'drizzle-orm'
import type {
  AccessRepository,
  CommandRecord,
  MemberRecord,
  RoomLink,
} from './access-repository.js'
import type { AccordPgDb } from './pg-database.js'
import { members, roomCommands, roomLinks } from './schema-pg/index.js'

export class PgAccessRepository implements AccessRepository {
  constructor(private readonly db: AccordPgDb) {}

  async links(roomId: string): Promise<Record<Role, RoomLink> | null> {
    const rows = await this.db.select().from(roomLinks).where(eq(roomLinks.roomId, roomId))
    if (rows.length === 0) return null
    const byRole = Object.fromEntries(
      rows.map((row) => [row.role, { token: row.token, generation: row.generation }]),
    ) as Partial<Record<Role, RoomLink>>
    const { facilitator, participant, viewer } = byRole
    if (!facilitator || !participant || !viewer) throw new Error(`room ${roomId} lacks a link`)
    return { facilitator, participant, viewer }
  }

  async rotateLink(roomId: string, role: Role, token: string): Promise<number> {
    const [row] = await this.db
      .update(roomLinks)
      .set({ token, generation: sql`${roomLinks.generation} + 1`, updatedAt: new Date() })
      .where(and(eq(roomLinks.roomId, roomId), eq(roomLinks.role, role)))
      .returning({ generation: roomLinks.generation })
    if (!row) throw new Error(`room ${roomId} has no ${role} link`)
    return row.generation
  }

  async addMember(member: MemberRecord): Promise<void> {
    await this.db.insert(members).values(member)
  }

  async findMember(roomId: string, memberId: string): Promise<MemberRecord | null> {
    const [row] = await this.db
      .select()
      .from(members)
      .where(and(eq(members.roomId, roomId), eq(members.id, memberId)))
    return row ?? null
  }

  async members(roomId: string): Promise<MemberRecord[]> {
    return this.db
      .select()
      .from(members)
      .where(eq(members.roomId, roomId))
      .orderBy(asc(members.joinedAt))
  }

  async renameMember(roomId: string, memberId: string, name: string): Promise<void> {
    await this.db
      .update(members)
      .set({ name })
      .where(and(eq(members.roomId, roomId), eq(members.id, memberId)))
  }

  async confirmMember(roomId: string, memberId: string, linkGeneration: number): Promise<void> {
    await this.db
      .update(members)
      .set({ linkGeneration })
      .where(and(eq(members.roomId, roomId), eq(members.id, memberId)))
  }

  async recordCommand(command: CommandRecord): Promise<void> {
    await this.db.insert(roomCommands).values(command)
  }

  async commands(roomId: string): Promise<CommandRecord[]> {
    return this.db
      .select({
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
      .where(eq(roomCommands.roomId, roomId))
      .orderBy(asc(roomCommands.seq))
  }
}

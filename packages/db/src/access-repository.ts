import type { Role } from '@accord/facilitation'
import { and, asc, desc, eq, gt, lte, sql } from 'drizzle-orm'
import type { SqlDialect } from './dialect/sql-dialect.js'
import { rows, run } from './dialect/steps.js'

/** A room's share link for one role. */
export interface RoomLink {
  readonly token: string
  readonly generation: number
}

export interface MemberRecord {
  readonly id: string
  readonly roomId: string
  readonly role: Role
  readonly name: string
  /** SHA-256 (hex) of the member credential's secret part. */
  readonly secretHash: string
  readonly linkGeneration: number
  readonly joinedAt: Date
}

export interface CommandRecord {
  readonly roomId: string
  readonly memberId: string | null
  readonly role: Role
  readonly type: string
  readonly payload: unknown
  readonly outcome: 'accepted' | 'refused'
  readonly reason: string | null
  readonly at: Date
}

/** An entry of a room's audit log, with its place in it (increasing, not contiguous). */
export interface AuditEntry extends CommandRecord {
  readonly seq: number
}

/** A page of the audit log, oldest first: at most `limit` entries after `after` (a seq). */
export interface AuditPage {
  readonly after?: number
  readonly limit: number
}

/** Who may enter a room and what they did: links, members and the command audit log. */
export interface AccessRepository {
  links(roomId: string): Promise<Record<Role, RoomLink> | null>
  /** Replaces a role's token and returns the link's new generation. */
  rotateLink(roomId: string, role: Role, token: string): Promise<number>
  addMember(member: MemberRecord): Promise<void>
  findMember(roomId: string, memberId: string): Promise<MemberRecord | null>
  /** Everyone who has joined the room, in the order they joined. */
  members(roomId: string): Promise<MemberRecord[]>
  renameMember(roomId: string, memberId: string, name: string): Promise<void>
  /** Moves a member onto a link generation (keeps the facilitator who rotated a link inside). */
  confirmMember(roomId: string, memberId: string, linkGeneration: number): Promise<void>
  /**
   * Appends to the room's audit log and keeps only the newest `keep` entries with the same
   * outcome, so that refusals a client can produce at will never push out what was accepted.
   */
  recordCommand(command: CommandRecord, keep: number): Promise<void>
  /** A page of the room's audit log, oldest first. */
  commands(roomId: string, page: AuditPage): Promise<AuditEntry[]>
}

/** Links, members and the audit log in SQL, for either dialect. */
export class SqlAccessRepository implements AccessRepository {
  constructor(private readonly db: SqlDialect) {}

  async links(roomId: string): Promise<Record<Role, RoomLink> | null> {
    const { roomLinks } = this.db.tables
    const links = await this.db.rows((q) =>
      q.select().from(roomLinks).where(eq(roomLinks.roomId, roomId)),
    )
    if (links.length === 0) return null
    const byRole = Object.fromEntries(
      links.map((row) => [row.role, { token: row.token, generation: row.generation }]),
    ) as Partial<Record<Role, RoomLink>>
    const { facilitator, participant, viewer } = byRole
    if (!facilitator || !participant || !viewer) throw new Error(`room ${roomId} lacks a link`)
    return { facilitator, participant, viewer }
  }

  async rotateLink(roomId: string, role: Role, token: string): Promise<number> {
    const { roomLinks } = this.db.tables
    const [row] = await this.db.rows((q) =>
      q
        .update(roomLinks)
        .set({ token, generation: sql`${roomLinks.generation} + 1`, updatedAt: new Date() })
        .where(and(eq(roomLinks.roomId, roomId), eq(roomLinks.role, role)))
        .returning({ generation: roomLinks.generation }),
    )
    if (!row) throw new Error(`room ${roomId} has no ${role} link`)
    return row.generation
  }

  async addMember(member: MemberRecord): Promise<void> {
    const { members } = this.db.tables
    await this.db.run((q) => q.insert(members).values(member))
  }

  async findMember(roomId: string, memberId: string): Promise<MemberRecord | null> {
    const { members } = this.db.tables
    const [row] = await this.db.rows((q) =>
      q
        .select()
        .from(members)
        .where(and(eq(members.roomId, roomId), eq(members.id, memberId))),
    )
    return row ?? null
  }

  async members(roomId: string): Promise<MemberRecord[]> {
    const { members } = this.db.tables
    return this.db.rows((q) =>
      q.select().from(members).where(eq(members.roomId, roomId)).orderBy(asc(members.joinedAt)),
    )
  }

  async renameMember(roomId: string, memberId: string, name: string): Promise<void> {
    const { members } = this.db.tables
    await this.db.run((q) =>
      q
        .update(members)
        .set({ name })
        .where(and(eq(members.roomId, roomId), eq(members.id, memberId))),
    )
  }

  async confirmMember(roomId: string, memberId: string, linkGeneration: number): Promise<void> {
    const { members } = this.db.tables
    await this.db.run((q) =>
      q
        .update(members)
        .set({ linkGeneration })
        .where(and(eq(members.roomId, roomId), eq(members.id, memberId))),
    )
  }

  async recordCommand(command: CommandRecord, keep: number): Promise<void> {
    const { roomCommands } = this.db.tables
    const sameOutcome = and(
      eq(roomCommands.roomId, command.roomId),
      eq(roomCommands.outcome, command.outcome),
    )
    await this.db.write(function* () {
      yield* run((q) => q.insert(roomCommands).values(command))
      // The newest entry past the ones kept: it and everything older go.
      const [cutoff] = yield* rows((q) =>
        q
          .select({ seq: roomCommands.seq })
          .from(roomCommands)
          .where(sameOutcome)
          .orderBy(desc(roomCommands.seq))
          .limit(1)
          .offset(keep),
      )
      if (cutoff) {
        yield* run((q) =>
          q.delete(roomCommands).where(and(sameOutcome, lte(roomCommands.seq, cutoff.seq))),
        )
      }
    })
  }

  async commands(roomId: string, page: AuditPage): Promise<AuditEntry[]> {
    const { roomCommands } = this.db.tables
    return this.db.rows((q) =>
      q
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
        .limit(page.limit),
    )
  }
}

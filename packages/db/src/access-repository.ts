import type { Role } from '@accord/facilitation'

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

import type { Role } from '@accord/facilitation'

/** Room metadata, behind an interface so that PostgreSQL can implement it later. */
export interface RoomRecord {
  readonly id: string
  readonly title: string
  readonly createdAt: Date
  /** The template the workshop follows. */
  readonly template: string
  /** The earlier workshop this one follows up, if any. */
  readonly previousRoomId: string | null
}

export interface RoomRepository {
  /** Creates the room together with its three share links (one token per role). */
  create(room: RoomRecord, linkTokens: Record<Role, string>): Promise<void>
  find(id: string): Promise<RoomRecord | null>
  /** Cheap liveness probe for readiness checks. */
  ping(): Promise<void>
}

import { type Role, roles } from '@accord/facilitation'
import { eq } from 'drizzle-orm'
import type { SqlDialect } from './dialect/sql-dialect.js'
import { run } from './dialect/steps.js'

/** Room metadata. */
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

/** Rooms in SQL, for either dialect. */
export class SqlRoomRepository implements RoomRepository {
  constructor(private readonly db: SqlDialect) {}

  async create(room: RoomRecord, linkTokens: Record<Role, string>): Promise<void> {
    const { roomLinks, rooms } = this.db.tables
    await this.db.write(function* () {
      yield* run((q) => q.insert(rooms).values(room))
      yield* run((q) =>
        q.insert(roomLinks).values(
          roles.map((role) => ({
            roomId: room.id,
            role,
            token: linkTokens[role],
            updatedAt: room.createdAt,
          })),
        ),
      )
    })
  }

  async find(id: string): Promise<RoomRecord | null> {
    const { rooms } = this.db.tables
    const [row] = await this.db.rows((q) => q.select().from(rooms).where(eq(rooms.id, id)))
    return row ?? null
  }

  async ping(): Promise<void> {
    const { rooms } = this.db.tables
    await this.db.rows((q) => q.select({ id: rooms.id }).from(rooms).limit(1))
  }
}

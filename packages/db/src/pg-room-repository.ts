import { type Role, roles } from '@accord/facilitation'
import { eq, sql } from 'drizzle-orm'
import type { AccordPgDb } from './pg-database.js'
import type { RoomRecord, RoomRepository } from './room-repository.js'
import { roomLinks, rooms } from './schema-pg/index.js'

export class PgRoomRepository implements RoomRepository {
  constructor(private readonly db: AccordPgDb) {}

  async create(room: RoomRecord, linkTokens: Record<Role, string>): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.insert(rooms).values(room)
      await tx.insert(roomLinks).values(
        roles.map((role) => ({
          roomId: room.id,
          role,
          token: linkTokens[role],
          updatedAt: room.createdAt,
        })),
      )
    })
  }

  async find(id: string): Promise<RoomRecord | null> {
    const [row] = await this.db.select().from(rooms).where(eq(rooms.id, id))
    return row ?? null
  }

  async ping(): Promise<void> {
    await this.db.execute(sql`select 1`)
  }
}

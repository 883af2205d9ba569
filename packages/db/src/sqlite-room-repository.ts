import { type Role, roles } from '@accord/facilitation'
import { eq } from 'drizzle-orm'
import type { RoomRecord, RoomRepository } from './room-repository.js'
import type { AccordSqliteDb } from './sqlite-database.js'
import { roomLinks, rooms } from './schema/index.js'

export class SqliteRoomRepository implements RoomRepository {
  constructor(private readonly db: AccordSqliteDb) {}

  async create(room: RoomRecord, linkTokens: Record<Role, string>): Promise<void> {
    this.db.transaction((tx) => {
      tx.insert(rooms).values(room).run()
      tx.insert(roomLinks)
        .values(
          roles.map((role) => ({
            roomId: room.id,
            role,
            token: linkTokens[role],
            updatedAt: room.createdAt,
          })),
        )
        .run()
    })
  }

  async find(id: string): Promise<RoomRecord | null> {
    return this.db.select().from(rooms).where(eq(rooms.id, id)).get() ?? null
  }

  async ping(): Promise<void> {
    this.db.select({ id: rooms.id }).from(rooms).limit(1).all()
  }
}

import type { Room, RoomRegistry } from '@accord/sync'

/** Uses a room's live document (loading it if needed) and releases it afterwards. */
export async function withRoom<T>(
  registry: RoomRegistry,
  roomId: string,
  use: (room: Room) => Promise<T>,
): Promise<T> {
  const acquired = await registry.acquire(roomId)
  if (!acquired.ok) throw new Error(`room ${roomId} has no document`)
  try {
    return await use(acquired.value)
  } finally {
    registry.release(acquired.value)
  }
}

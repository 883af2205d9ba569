import { ApiError } from '@accord/api'
import type { Room, RoomRegistry } from '@accord/sync'
import { boardProblem, INCOMPATIBLE_BOARD } from '@accord/tldraw-yjs'

/**
 * Uses a room's live document (loading it if needed) and releases it afterwards. A board saved by
 * a newer board editor than this server's is refused (`409 board_incompatible`): nothing reads or
 * writes it here, so it cannot be broken.
 */
export async function withRoom<T>(
  registry: RoomRegistry,
  roomId: string,
  use: (room: Room) => Promise<T>,
): Promise<T> {
  const acquired = await registry.acquire(roomId)
  if (!acquired.ok) throw new Error(`room ${roomId} has no document`)
  try {
    if (boardProblem(acquired.value.doc) !== null) {
      throw new ApiError(409, 'board_incompatible', INCOMPATIBLE_BOARD)
    }
    return await use(acquired.value)
  } finally {
    registry.release(acquired.value)
  }
}

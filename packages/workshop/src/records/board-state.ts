import type { BoardState } from '@accord/db'
import type { RoomRegistry } from '@accord/sync'
import * as Y from 'yjs'

/**
 * [rec:BS1] Runs `use` with a reader of the room's whole document as the server's own copy holds
 * it — what a decision accepted inside `use` keeps as its board. The room is held (loaded first if
 * needed) until `use` ends, so the reader encodes the live document at the moment the record is
 * accepted, not a copy made before. A record whose room is gone keeps none.
 */
export async function withBoardState<T>(
  registry: RoomRegistry,
  roomId: string,
  use: (board: BoardState | undefined) => Promise<T>,
): Promise<T> {
  if (roomId === '') return use(undefined)
  const acquired = await registry.acquire(roomId)
  if (!acquired.ok) return use(undefined)
  const { doc } = acquired.value
  try {
    return await use(() => Y.encodeStateAsUpdate(doc))
  } finally {
    registry.release(acquired.value)
  }
}

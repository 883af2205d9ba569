import { ApiError } from '@accord/api'
import { type RoomLock, RoomLockTimeout } from '@accord/db'

/**
 * Runs `task` under its room's lock (`RoomLock`: in this process, or a PostgreSQL advisory lock
 * across instances), so it sees the state the previous change left and no other change of the
 * room slips into its middle — e.g. a dot cast between a vote's count and its close, or a
 * decision's status change between a workshop close's reading of the records and its saving of
 * them. Every change to a room's shared state (its server-owned state, its board, the records
 * saved from it) goes through here: the commands (`dispatch.ts`) and the record routes alike. A
 * room that stays busy past the lock's bound is answered `503 room_busy`.
 */
export async function underRoomLock<T>(
  lock: RoomLock,
  roomId: string,
  task: () => Promise<T>,
): Promise<T> {
  try {
    return await lock.run(roomId, task)
  } catch (error) {
    if (!(error instanceof RoomLockTimeout)) throw error
    throw new ApiError(503, 'room_busy', 'the room is busy with other changes: try again')
  }
}

import { readRoomState, type Result, ROOM_STATE_MAP, type RoomState } from '@accord/facilitation'
import type { RoomRegistry } from '@accord/sync'
import { withRoom } from './with-room.js'

/** The origin of the server's own writes to a room document. */
export const SERVER_ORIGIN = 'accord:server'

/**
 * Reads and changes the server-owned state of rooms (`ROOM_STATE_MAP` in each room's document).
 * A change is stored like any update — durable before anyone receives it — and this resolves only
 * once it is stored.
 */
export class RoomStates {
  constructor(private readonly registry: RoomRegistry) {}

  async read(roomId: string): Promise<RoomState> {
    return withRoom(this.registry, roomId, async (room) =>
      readRoomState(room.doc.getMap(ROOM_STATE_MAP).toJSON()),
    )
  }

  /**
   * The state as storage holds it now: under scale-out, with every other instance's last change
   * (`Room.catchUp`), for a command that decides from it what to store elsewhere.
   */
  async readCurrent(roomId: string): Promise<RoomState> {
    return withRoom(this.registry, roomId, async (room) => {
      await room.catchUp()
      return readRoomState(room.doc.getMap(ROOM_STATE_MAP).toJSON())
    })
  }

  /**
   * Computes a change from the current state; writes the fields that changed. Under scale-out the
   * state is first brought up to what storage holds: the relay may not yet have brought another
   * instance's last change, and computing from an older state would undo it.
   */
  async change(
    roomId: string,
    compute: (state: RoomState) => Result<Partial<RoomState>>,
  ): Promise<Result<RoomState>> {
    return withRoom(this.registry, roomId, async (room) => {
      await room.catchUp()
      const map = room.doc.getMap<unknown>(ROOM_STATE_MAP)
      const current = readRoomState(map.toJSON())
      const change = compute(current)
      if (!change.ok) return change
      room.doc.transact(() => {
        for (const [key, value] of Object.entries(change.value)) map.set(key, value)
      }, SERVER_ORIGIN)
      await room.flushed()
      return { ok: true, value: { ...current, ...change.value } }
    })
  }
}

/**
 * Runs a room's commands one at a time (different rooms in parallel), so a command always sees
 * the state the previous one left — e.g. a dot cast cannot slip in between a vote's count and its
 * close. Two implementations behind this port: one for a single process (SQLite, which one server
 * has open), and PostgreSQL advisory locks for every instance on one database (`pg-room-lock.ts`).
 * One contract suite runs against both (`testing/contracts/room-lock-contract.ts`).
 */
export interface RoomLock {
  /**
   * Runs `task` once no other task for `roomId` runs, wherever this lock reaches, and returns
   * what it returns (or throws). Rejects with `RoomLockTimeout` when the room stays busy too long.
   */
  run<T>(roomId: string, task: () => Promise<T>): Promise<T>
}

/** The room's lock could not be had in time: another instance held it throughout. */
export class RoomLockTimeout extends Error {
  constructor(readonly roomId: string) {
    super(`room ${roomId} stayed busy`)
    this.name = 'RoomLockTimeout'
  }
}

/** Tasks for one room take turns in this process. Commands are rare next to sync traffic. */
export class InProcessRoomLock implements RoomLock {
  private readonly tails = new Map<string, Promise<unknown>>()

  run<T>(roomId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(roomId) ?? Promise.resolve()
    const next = previous.then(task, task)
    const tail = next.catch(() => {})
    this.tails.set(roomId, tail)
    void tail.then(() => {
      if (this.tails.get(roomId) === tail) this.tails.delete(roomId)
    })
    return next
  }
}

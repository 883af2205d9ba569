/**
 * Runs a room's commands one at a time (different rooms in parallel), so a command always sees
 * the state the previous one left — e.g. a dot cast cannot slip in between a vote's count and its
 * close. Commands are rare compared with sync traffic, so this costs nothing that matters.
 */
export class RoomQueue {
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

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RoomLock } from '../../room-lock.js'

/** Two handles on one lock, as two instances hold it (one process: the same lock twice). */
export interface LocksUnderTest {
  readonly a: RoomLock
  readonly b: RoomLock
  close(): Promise<void>
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** What every `RoomLock` must do, whichever instance each task runs on. */
export function describeRoomLockContract(name: string, open: () => Promise<LocksUnderTest>): void {
  describe(`RoomLock contract: ${name}`, () => {
    let locks: LocksUnderTest
    beforeEach(async () => {
      locks = await open()
    })
    afterEach(() => locks.close())

    it('tasks for one room never overlap, wherever they run', async () => {
      let inside = 0
      let most = 0
      // A read-modify-write with a wait in the middle: overlapping tasks would lose increments.
      let count = 0
      const task = async (i: number) => {
        inside++
        most = Math.max(most, inside)
        const seen = count
        await pause(i % 3)
        count = seen + 1
        inside--
        return i
      }
      const runs = Array.from({ length: 24 }, (_, i) =>
        (i % 2 === 0 ? locks.a : locks.b).run('room', () => task(i)),
      )
      expect(await Promise.all(runs)).toEqual(Array.from({ length: 24 }, (_, i) => i))
      expect(most).toBe(1)
      expect(count).toBe(24)
    })

    it('different rooms do not wait for each other', async () => {
      let release = () => {}
      const released = new Promise<void>((resolve) => (release = resolve))
      // The first room's task can only end once the second room's task has run.
      const first = locks.a.run('room-1', () => released.then(() => 'first'))
      const second = locks.b.run('room-2', async () => {
        release()
        return 'second'
      })
      expect(await Promise.all([first, second])).toEqual(['first', 'second'])
    })

    it('a failing task passes its error on and frees the room', async () => {
      const failing = locks.a.run('room', () => Promise.reject(new Error('task failed')))
      await expect(failing).rejects.toThrow('task failed')
      expect(await locks.b.run('room', async () => 'next')).toBe('next')
      expect(await locks.a.run('room', async () => 'again')).toBe('again')
    })
  })
}

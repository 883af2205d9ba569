import { ApiError } from '@accord/api'
import { InProcessRoomLock, type RoomLock, RoomLockTimeout } from '@accord/db'
import { describe, expect, it } from 'vitest'
import { underRoomLock } from './room-lock.js'

/** A promise and the function that settles it. */
function gate() {
  let open!: () => void
  const opened = new Promise<void>((resolve) => (open = resolve))
  return { open, opened }
}

describe('underRoomLock', () => {
  it('a change waits while its room is held, then runs; another room does not wait', async () => {
    const lock = new InProcessRoomLock()
    const events: string[] = []
    const held = gate()
    const holder = lock.run('room-a', async () => {
      await held.opened
      events.push('holder done')
    })
    const change = underRoomLock(lock, 'room-a', async () => {
      events.push('change ran')
      return 'changed'
    })
    await underRoomLock(lock, 'room-b', async () => events.push('other room ran'))
    expect(events).toEqual(['other room ran'])
    held.open()
    expect(await change).toBe('changed')
    await holder
    expect(events).toEqual(['other room ran', 'holder done', 'change ran'])
  })

  it('a room that stays busy is answered 503 room_busy; other errors pass through', async () => {
    const busy: RoomLock = { run: async (roomId) => Promise.reject(new RoomLockTimeout(roomId)) }
    const refused = await underRoomLock(busy, 'r', async () => 1).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(ApiError)
    expect(refused).toMatchObject({ status: 503, code: 'room_busy' })

    const failing = underRoomLock(new InProcessRoomLock(), 'r', async () => {
      throw new Error('storage down')
    })
    await expect(failing).rejects.toThrow('storage down')
  })
})

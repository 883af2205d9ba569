import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { OpenStorage, StorageUnderTest } from './storage-under-test.js'

const at = (ms: number) => new Date(ms)
const session = (id: string, keyId: string, expiresAt: number) => ({
  id,
  keyId,
  createdAt: at(0),
  expiresAt: at(expiresAt),
})

export function describeSessionRepositoryContract(name: string, open: OpenStorage): void {
  describe(`SessionRepository contract: ${name}`, () => {
    let storage: StorageUnderTest
    beforeEach(async () => {
      storage = await open()
    })
    afterEach(() => storage.close())

    it('a session is live for its own key until it expires', async () => {
      const { sessions } = storage
      await sessions.add(session('s1', 'key-a', 1000))
      expect(await sessions.isLive('s1', 'key-a', at(999))).toBe(true)
      expect(await sessions.isLive('s1', 'key-a', at(1000))).toBe(false)
      expect(await sessions.isLive('s1', 'key-b', at(0))).toBe(false)
      expect(await sessions.isLive('nope', 'key-a', at(0))).toBe(false)
    })

    it('removing a session ends it, and removing it again is harmless', async () => {
      const { sessions } = storage
      await sessions.add(session('s1', 'key-a', 1000))
      await sessions.add(session('s2', 'key-a', 1000))
      await sessions.remove('s1')
      await sessions.remove('s1')
      expect(await sessions.isLive('s1', 'key-a', at(0))).toBe(false)
      expect(await sessions.isLive('s2', 'key-a', at(0))).toBe(true)
    })

    it('removes expired sessions only', async () => {
      const { sessions } = storage
      await sessions.add(session('old', 'key-a', 500))
      await sessions.add(session('ending', 'key-b', 1000))
      await sessions.add(session('live', 'key-a', 2000))
      expect(await sessions.removeExpired(at(1000))).toBe(2)
      expect(await sessions.removeExpired(at(1000))).toBe(0)
      expect(await sessions.isLive('live', 'key-a', at(1000))).toBe(true)
      // Gone, not merely expired: no clock going back brings them back.
      expect(await sessions.isLive('old', 'key-a', at(0))).toBe(false)
    })

    it('removes the sessions of other keys; with no key, all of them', async () => {
      const { sessions } = storage
      await sessions.add(session('a1', 'key-a', 2000))
      await sessions.add(session('a2', 'key-a', 2000))
      await sessions.add(session('b1', 'key-b', 2000))
      expect(await sessions.removeOtherKeys('key-a')).toBe(1)
      expect(await sessions.isLive('a1', 'key-a', at(0))).toBe(true)
      expect(await sessions.isLive('b1', 'key-b', at(0))).toBe(false)
      expect(await sessions.removeOtherKeys(null)).toBe(2)
      expect(await sessions.isLive('a2', 'key-a', at(0))).toBe(false)
    })

    it('sessions survive a reopen of the database (a restart)', async () => {
      await storage.sessions.add(session('s1', 'key-a', 1000))
      storage = await storage.reopen()
      expect(await storage.sessions.isLive('s1', 'key-a', at(0))).toBe(true)
    })
  })
}

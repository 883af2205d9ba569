import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createRoom, type OpenStorage, type StorageUnderTest } from './storage-under-test.js'

export function describeRoomRepositoryContract(name: string, open: OpenStorage): void {
  describe(`RoomRepository contract: ${name}`, () => {
    let storage: StorageUnderTest
    beforeEach(async () => {
      storage = await open()
    })
    afterEach(() => storage.close())

    it('finds a room as it was created, to the millisecond', async () => {
      const room = {
        id: 'r',
        title: 'Retro ✓',
        createdAt: new Date(Date.UTC(2026, 10, 20, 9, 30, 15, 123)),
        template: 'retro',
        previousRoomId: 'earlier',
      }
      await storage.rooms.create(room, { facilitator: 'f', participant: 'p', viewer: 'v' })
      expect(await storage.rooms.find('r')).toEqual(room)
      expect(await storage.rooms.find('missing')).toBeNull()
      await storage.rooms.ping()
    })

    it('rejects a duplicate room id and keeps the first', async () => {
      await createRoom(storage, 'r', { title: 'A' })
      await expect(createRoom(storage, 'r', { title: 'B' })).rejects.toThrow()
      expect((await storage.rooms.find('r'))?.title).toBe('A')
      expect(await storage.access.links('r')).toMatchObject({ viewer: { token: 'r-v' } })
    })

    it('keeps its data, and applies no migration twice, across a re-open', async () => {
      await createRoom(storage, 'r', { title: 'Kept', createdAt: new Date(5) })
      const applied = await storage.appliedMigrations()
      expect(applied).toBeGreaterThan(0)
      storage = await storage.reopen()
      expect(await storage.appliedMigrations()).toBe(applied)
      expect(await storage.rooms.find('r')).toMatchObject({ title: 'Kept', createdAt: new Date(5) })
    })

    it('text holding U+0000 is stored (PostgreSQL: as U+FFFD), and a lookup by it never fails', async () => {
      // Either as given (SQLite) or with U+FFFD in its place (PostgreSQL).
      const nul = expect.toSatisfy((text: string) => ['a\u0000b', 'a\uFFFDb'].includes(text))
      await createRoom(storage, 'r', { title: 'a\u0000b' })
      expect((await storage.rooms.find('r'))?.title).toEqual(nul)
      expect(await storage.rooms.find('r\u0000')).toBeNull()
      expect(await storage.access.links('r\u0000')).toBeNull()
      expect(await storage.access.findMember('r', 'm\u0000')).toBeNull()
      expect(await storage.documents.loadDocument('r\u0000')).toBeNull()
      await storage.notes.add({
        id: 'n',
        roomId: 'r',
        memberId: 'm',
        text: 'a\u0000b',
        createdAt: new Date(1),
        updatedAt: new Date(1),
        revealedAt: null,
        shapeId: null,
        region: null,
      })
      expect((await storage.notes.byMember('r', 'm'))[0]?.text).toEqual(nul)
      await storage.workshops.putSubmission('r', 'stance', 'm', { reason: 'a\u0000b' }, new Date())
      const submission = await storage.workshops.submission('r', 'stance', 'm')
      expect((submission?.value as { reason: string }).reason).toEqual(nul)
      const query = { q: 'a\u0000b', owner: '\u0000', tag: 'a\u0000' }
      expect(await storage.records.searchDecisions(query)).toEqual([])
    })
  })
}

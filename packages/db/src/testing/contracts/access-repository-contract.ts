import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createRoom, type OpenStorage, type StorageUnderTest } from './storage-under-test.js'

const member = (id: string, role: 'facilitator' | 'participant' | 'viewer' = 'participant') => ({
  id,
  roomId: 'r',
  role,
  name: `Name of ${id}`,
  secretHash: `hash-${id}`,
  linkGeneration: 1,
  joinedAt: new Date(2000),
})

export function describeAccessRepositoryContract(name: string, open: OpenStorage): void {
  describe(`AccessRepository contract: ${name}`, () => {
    let storage: StorageUnderTest
    beforeEach(async () => {
      storage = await open()
      await createRoom(storage, 'r', { title: 'Retro' })
    })
    afterEach(() => storage.close())

    it('creates a room with one link per role, at generation 1', async () => {
      expect(await storage.access.links('r')).toEqual({
        facilitator: { token: 'r-f', generation: 1 },
        participant: { token: 'r-p', generation: 1 },
        viewer: { token: 'r-v', generation: 1 },
      })
      expect(await storage.access.links('unknown')).toBeNull()
    })

    it('rotating a link replaces its token and bumps its generation', async () => {
      const { access } = storage
      expect(await access.rotateLink('r', 'participant', 'tok-p2')).toBe(2)
      expect(await access.rotateLink('r', 'participant', 'tok-p3')).toBe(3)
      const links = await access.links('r')
      expect(links?.participant).toEqual({ token: 'tok-p3', generation: 3 })
      expect(links?.viewer).toEqual({ token: 'r-v', generation: 1 })
      await expect(access.rotateLink('unknown', 'viewer', 'x')).rejects.toThrow()
    })

    it('stores, finds, renames and confirms members', async () => {
      const { access } = storage
      await access.addMember(member('m1'))
      expect(await access.findMember('r', 'm1')).toEqual(member('m1'))
      expect(await access.findMember('other-room', 'm1')).toBeNull()
      await access.renameMember('r', 'm1', 'Ada')
      await access.confirmMember('r', 'm1', 4)
      expect(await access.findMember('r', 'm1')).toMatchObject({ name: 'Ada', linkGeneration: 4 })
      await access.addMember({ ...member('m2', 'viewer'), joinedAt: new Date(3000) })
      expect((await access.members('r')).map((m) => m.id)).toEqual(['m1', 'm2'])
      await expect(access.addMember({ ...member('m3'), roomId: 'unknown' })).rejects.toThrow()
    })

    it('keeps the command audit log in order, accepted and refused alike', async () => {
      const { access } = storage
      const base = {
        roomId: 'r',
        memberId: 'm1',
        role: 'participant' as const,
        at: new Date(3000),
      }
      await access.recordCommand({
        ...base,
        type: 'a',
        payload: { x: 1, nested: { b: [1, 'two'], a: null } },
        outcome: 'accepted',
        reason: null,
      })
      await access.recordCommand({
        ...base,
        type: 'b',
        payload: {},
        outcome: 'refused',
        reason: 'no',
      })
      const log = await storage.access.commands('r')
      expect(log.map((c) => [c.type, c.outcome, c.reason, c.at])).toEqual([
        ['a', 'accepted', null, new Date(3000)],
        ['b', 'refused', 'no', new Date(3000)],
      ])
      expect(log[0]?.payload).toEqual({ x: 1, nested: { b: [1, 'two'], a: null } })
    })

    it('a deleted room takes its links, members and audit log with it', async () => {
      const { access } = storage
      await access.addMember(member('m1'))
      await access.recordCommand({
        roomId: 'r',
        memberId: 'm1',
        role: 'participant',
        at: new Date(3000),
        type: 'a',
        payload: {},
        outcome: 'accepted',
        reason: null,
      })
      await storage.deleteRoom('r')
      expect(await access.links('r')).toBeNull()
      expect(await access.members('r')).toEqual([])
      expect(await access.commands('r')).toEqual([])
    })
  })
}

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
      await access.recordCommand(
        {
          ...base,
          type: 'a',
          payload: { x: 1, nested: { b: [1, 'two'], a: null } },
          outcome: 'accepted',
          reason: null,
        },
        100,
      )
      await access.recordCommand(
        {
          ...base,
          type: 'b',
          payload: {},
          outcome: 'refused',
          reason: 'no',
        },
        100,
      )
      const log = await storage.access.commands('r', { limit: 10 })
      expect(log.map((c) => [c.type, c.outcome, c.reason, c.at])).toEqual([
        ['a', 'accepted', null, new Date(3000)],
        ['b', 'refused', 'no', new Date(3000)],
      ])
      expect(log[0]?.payload).toEqual({ x: 1, nested: { b: [1, 'two'], a: null } })
    })

    it('keeps the newest entries of each outcome: refusals never push out what was accepted', async () => {
      const { access } = storage
      const entry = (type: string, outcome: 'accepted' | 'refused') => ({
        roomId: 'r',
        memberId: null,
        role: 'viewer' as const,
        at: new Date(3000),
        type,
        payload: {},
        outcome,
        reason: outcome === 'refused' ? 'no' : null,
      })
      for (let i = 0; i < 4; i++) await access.recordCommand(entry(`ok-${i}`, 'accepted'), 3)
      for (let i = 0; i < 20; i++) await access.recordCommand(entry(`no-${i}`, 'refused'), 5)
      const log = await access.commands('r', { limit: 100 })
      expect(log.map((c) => c.type)).toEqual([
        'ok-1',
        'ok-2',
        'ok-3',
        'no-15',
        'no-16',
        'no-17',
        'no-18',
        'no-19',
      ])
    })

    it('reads the audit log a page at a time, oldest first', async () => {
      const { access } = storage
      for (let i = 0; i < 5; i++) {
        await access.recordCommand(
          {
            roomId: 'r',
            memberId: null,
            role: 'facilitator',
            at: new Date(3000 + i),
            type: `t-${i}`,
            payload: {},
            outcome: 'accepted',
            reason: null,
          },
          100,
        )
      }
      const first = await access.commands('r', { limit: 2 })
      expect(first.map((c) => c.type)).toEqual(['t-0', 't-1'])
      const second = await access.commands('r', { after: first.at(-1)!.seq, limit: 2 })
      expect(second.map((c) => c.type)).toEqual(['t-2', 't-3'])
      const last = await access.commands('r', { after: second.at(-1)!.seq, limit: 2 })
      expect(last.map((c) => c.type)).toEqual(['t-4'])
      expect(await access.commands('r', { after: last[0]!.seq, limit: 2 })).toEqual([])
    })

    it('a deleted room takes its links, members and audit log with it', async () => {
      const { access } = storage
      await access.addMember(member('m1'))
      await access.recordCommand(
        {
          roomId: 'r',
          memberId: 'm1',
          role: 'participant',
          at: new Date(3000),
          type: 'a',
          payload: {},
          outcome: 'accepted',
          reason: null,
        },
        100,
      )
      await storage.deleteRoom('r')
      expect(await access.links('r')).toBeNull()
      expect(await access.members('r')).toEqual([])
      expect(await access.commands('r', { limit: 10 })).toEqual([])
    })
  })
}

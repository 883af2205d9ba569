import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createRoom, type OpenStorage, type StorageUnderTest } from './storage-under-test.js'

const note = (id: string, memberId: string, at: number, region: string | null = null) => ({
  id,
  roomId: 'r',
  memberId,
  text: `text of ${id}`,
  createdAt: new Date(at),
  updatedAt: new Date(at),
  revealedAt: null,
  shapeId: null,
  region,
})

export function describePrivateNoteRepositoryContract(name: string, open: OpenStorage): void {
  describe(`PrivateNoteRepository contract: ${name}`, () => {
    let storage: StorageUnderTest
    beforeEach(async () => {
      storage = await open()
      await createRoom(storage, 'r')
    })
    afterEach(() => storage.close())

    it('gives each author their own notes only, oldest first', async () => {
      const { notes } = storage
      await notes.add(note('b', 'ada', 2, 'went-well'))
      await notes.add(note('a', 'ada', 1))
      await notes.add(note('c', 'bob', 3))
      expect(await notes.byMember('r', 'ada')).toEqual([
        note('a', 'ada', 1),
        note('b', 'ada', 2, 'went-well'),
      ])
      expect((await notes.byMember('r', 'bob')).map((n) => n.id)).toEqual(['c'])
      expect((await notes.unrevealed('r', 'bob')).map((n) => n.id)).toEqual(['c'])
      expect(await notes.unrevealedCounts('r')).toEqual(
        new Map([
          ['ada', 2],
          ['bob', 1],
        ]),
      )
    })

    it('edits and deletes only the author’s own, unrevealed notes', async () => {
      const { notes } = storage
      await notes.add(note('a', 'ada', 1))
      expect(await notes.edit('r', 'bob', 'a', 'hijacked', new Date(5))).toBe(false)
      expect(await notes.remove('r', 'bob', 'a')).toBe(false)
      expect(await notes.edit('r', 'ada', 'a', 'better', new Date(5))).toBe(true)
      expect((await notes.byMember('r', 'ada'))[0]).toMatchObject({
        text: 'better',
        updatedAt: new Date(5),
      })
      await notes.markRevealed([{ id: 'a', shapeId: 'shape:x' }], new Date(9))
      expect(await notes.edit('r', 'ada', 'a', 'after reveal', new Date(10))).toBe(false)
      expect(await notes.remove('r', 'ada', 'a')).toBe(false)
      expect((await notes.byMember('r', 'ada'))[0]).toMatchObject({
        shapeId: 'shape:x',
        revealedAt: new Date(9),
      })
      expect(await notes.unrevealed('r')).toEqual([])
      expect(await notes.unrevealedCounts('r')).toEqual(new Map())
    })

    it('deletes an unrevealed note of its author', async () => {
      const { notes } = storage
      await notes.add(note('a', 'ada', 1))
      expect(await notes.remove('r', 'ada', 'a')).toBe(true)
      expect(await notes.remove('r', 'ada', 'a')).toBe(false)
      expect(await notes.byMember('r', 'ada')).toEqual([])
    })
  })
}

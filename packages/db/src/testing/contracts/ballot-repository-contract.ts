import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createRoom, type OpenStorage, type StorageUnderTest } from './storage-under-test.js'

const addDot =
  (item: string, limit = 3) =>
  (ballot: Readonly<Record<string, number>>) => {
    const used = Object.values(ballot).reduce((a, b) => a + b, 0)
    return used >= limit
      ? { ok: false as const, error: 'no dots left' }
      : { ok: true as const, value: { ...ballot, [item]: (ballot[item] ?? 0) + 1 } }
  }

export function describeBallotRepositoryContract(name: string, open: OpenStorage): void {
  describe(`BallotRepository contract: ${name}`, () => {
    let storage: StorageUnderTest
    beforeEach(async () => {
      storage = await open()
      await createRoom(storage, 'r')
    })
    afterEach(() => storage.close())

    it('keeps each person’s ballot per vote', async () => {
      const { ballots } = storage
      await ballots.change('r', 'v1', 'ada', addDot('a'))
      await ballots.change('r', 'v1', 'ada', addDot('a'))
      await ballots.change('r', 'v1', 'bob', addDot('b'))
      await ballots.change('r', 'v2', 'ada', addDot('c'))
      expect(await ballots.find('v1', 'ada')).toEqual({ a: 2 })
      expect(await ballots.find('v1', 'nobody')).toEqual({})
      expect(await ballots.all('v1')).toEqual(expect.arrayContaining([{ a: 2 }, { b: 1 }]))
      expect(await ballots.all('v2')).toEqual([{ c: 1 }])
    })

    it('a refused change stores nothing, not even an empty ballot', async () => {
      const { ballots } = storage
      await ballots.change('r', 'v1', 'ada', addDot('a', 1))
      expect(await ballots.change('r', 'v1', 'ada', addDot('b', 1))).toEqual({
        ok: false,
        error: 'no dots left',
      })
      expect(await ballots.find('v1', 'ada')).toEqual({ a: 1 })
      expect(await ballots.change('r', 'v1', 'bob', addDot('b', 0))).toMatchObject({ ok: false })
      expect(await ballots.all('v1')).toEqual([{ a: 1 }])
    })

    it('casts started together cannot both pass the limit', async () => {
      const { ballots } = storage
      const results = await Promise.all(
        Array.from({ length: 10 }, () => ballots.change('r', 'v1', 'ada', addDot('a', 3))),
      )
      expect(results.filter((r) => r.ok)).toHaveLength(3)
      expect(await ballots.find('v1', 'ada')).toEqual({ a: 3 })
    })
  })
}

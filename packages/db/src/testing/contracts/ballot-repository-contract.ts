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
      await ballots.change('r', 'v1', 'ada', addDot('a'), 'closed')
      await ballots.change('r', 'v1', 'ada', addDot('a'), 'closed')
      await ballots.change('r', 'v1', 'bob', addDot('b'), 'closed')
      await ballots.change('r', 'v2', 'ada', addDot('c'), 'closed')
      expect(await ballots.find('v1', 'ada')).toEqual({ a: 2 })
      expect(await ballots.find('v1', 'nobody')).toEqual({})
      expect(await ballots.all('v1')).toEqual(expect.arrayContaining([{ a: 2 }, { b: 1 }]))
      expect(await ballots.all('v2')).toEqual([{ c: 1 }])
    })

    it('a refused change stores nothing, not even an empty ballot', async () => {
      const { ballots } = storage
      await ballots.change('r', 'v1', 'ada', addDot('a', 1), 'closed')
      expect(await ballots.change('r', 'v1', 'ada', addDot('b', 1), 'closed')).toEqual({
        ok: false,
        error: 'no dots left',
      })
      expect(await ballots.find('v1', 'ada')).toEqual({ a: 1 })
      expect(await ballots.change('r', 'v1', 'bob', addDot('b', 0), 'closed')).toMatchObject({
        ok: false,
      })
      expect(await ballots.all('v1')).toEqual([{ a: 1 }])
    })

    it('casts started together cannot both pass the limit', async () => {
      const { ballots } = storage
      const results = await Promise.all(
        Array.from({ length: 10 }, () =>
          ballots.change('r', 'v1', 'ada', addDot('a', 3), 'closed'),
        ),
      )
      expect(results.filter((r) => r.ok)).toHaveLength(3)
      expect(await ballots.find('v1', 'ada')).toEqual({ a: 3 })
    })

    it('a closed vote takes no ballot: close returns every ballot stored before it', async () => {
      const { ballots } = storage
      await ballots.change('r', 'v1', 'ada', addDot('a'), 'closed')
      await ballots.change('r', 'v1', 'bob', addDot('b'), 'closed')
      const counted = await ballots.close('r', 'v1', new Date(0))
      expect(counted).toEqual(expect.arrayContaining([{ a: 1 }, { b: 1 }]))
      expect(counted).toHaveLength(2)
      expect(await ballots.change('r', 'v1', 'ada', addDot('a'), 'closed')).toEqual({
        ok: false,
        error: 'closed',
      })
      expect(await ballots.change('r', 'v1', 'cy', addDot('c'), 'closed')).toEqual({
        ok: false,
        error: 'closed',
      })
      expect(await ballots.find('v1', 'ada')).toEqual({ a: 1 })
      expect(await ballots.close('r', 'v1', new Date(1))).toHaveLength(2)
      // Another vote is not closed by it.
      expect((await ballots.change('r', 'v2', 'ada', addDot('a'), 'closed')).ok).toBe(true)
    })

    it('casts racing a close: every ballot stored is one the close counted', async () => {
      const { ballots } = storage
      let answered = 0
      let startClose = () => {}
      const closeStarted = new Promise<void>((resolve) => (startClose = resolve))
      const casts = Array.from({ length: 60 }, (_, i) =>
        ballots
          .change('r', 'v1', `member-${i % 20}`, addDot(`item-${i % 3}`), 'closed')
          .then((result) => {
            if (++answered === 10) startClose()
            return result
          }),
      )
      await closeStarted
      const counted = await ballots.close('r', 'v1', new Date(0))
      const results = await Promise.all(casts)
      const dots = (list: readonly Readonly<Record<string, number>>[]) =>
        list.reduce((sum, ballot) => sum + Object.values(ballot).reduce((n, d) => n + d, 0), 0)
      expect(dots(await ballots.all('v1'))).toBe(dots(counted))
      expect(results.filter((result) => result.ok)).toHaveLength(dots(counted))
    })
  })
}

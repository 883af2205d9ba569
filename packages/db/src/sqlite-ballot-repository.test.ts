import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openSqlite, type SqliteHandle } from './sqlite-database.js'
import { SqliteBallotRepository } from './sqlite-ballot-repository.js'
import { SqliteRoomRepository } from './sqlite-room-repository.js'

let handle: SqliteHandle
let ballots: SqliteBallotRepository

beforeEach(async () => {
  handle = openSqlite({ path: ':memory:' })
  ballots = new SqliteBallotRepository(handle.db)
  await new SqliteRoomRepository(handle.db).create(
    { id: 'r', title: 'Retro', createdAt: new Date(), template: 'blank', previousRoomId: null },
    { facilitator: 'f', participant: 'p', viewer: 'v' },
  )
})
afterEach(() => handle.close())

const addDot =
  (item: string, limit = 3) =>
  (ballot: Readonly<Record<string, number>>) => {
    const used = Object.values(ballot).reduce((a, b) => a + b, 0)
    return used >= limit
      ? { ok: false as const, error: 'no dots left' }
      : { ok: true as const, value: { ...ballot, [item]: (ballot[item] ?? 0) + 1 } }
  }

describe('SqliteBallotRepository', () => {
  it('keeps each person’s ballot per vote', async () => {
    await ballots.change('r', 'v1', 'ada', addDot('a'))
    await ballots.change('r', 'v1', 'ada', addDot('a'))
    await ballots.change('r', 'v1', 'bob', addDot('b'))
    await ballots.change('r', 'v2', 'ada', addDot('c'))
    expect(await ballots.find('v1', 'ada')).toEqual({ a: 2 })
    expect(await ballots.find('v1', 'nobody')).toEqual({})
    expect(await ballots.all('v1')).toEqual(expect.arrayContaining([{ a: 2 }, { b: 1 }]))
    expect(await ballots.all('v2')).toEqual([{ c: 1 }])
  })

  it('a refused change stores nothing', async () => {
    await ballots.change('r', 'v1', 'ada', addDot('a', 1))
    expect(await ballots.change('r', 'v1', 'ada', addDot('b', 1))).toEqual({
      ok: false,
      error: 'no dots left',
    })
    expect(await ballots.find('v1', 'ada')).toEqual({ a: 1 })
  })

  it('casts started together cannot both pass the limit', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () => ballots.change('r', 'v1', 'ada', addDot('a', 3))),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(3)
    expect(await ballots.find('v1', 'ada')).toEqual({ a: 3 })
  })
})

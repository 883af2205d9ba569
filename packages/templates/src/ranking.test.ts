import { describe, expect, it } from 'vitest'
import { rankBy } from './ranking.js'

const items = (...entries: [string, number | null][]) =>
  entries.map(([id, score]) => ({ id, score }))
const byScore = (item: { score: number | null }) => item.score

describe('rankBy', () => {
  it('[tpl:RK1] ranks the highest score first', () => {
    const ranked = rankBy(items(['a', 1], ['b', 5], ['c', 3]), byScore)
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([
      ['b', 1],
      ['c', 2],
      ['a', 3],
    ])
  })

  it('[tpl:RK1] equal scores share a rank, keep their board order and leave a gap after them', () => {
    const ranked = rankBy(items(['a', 2], ['b', 4], ['c', 2], ['d', 4], ['e', 1]), byScore)
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([
      ['b', 1],
      ['d', 1],
      ['a', 3],
      ['c', 3],
      ['e', 5],
    ])
  })

  it('[tpl:RK1] items without a score come last, unranked, in their board order', () => {
    const ranked = rankBy(items(['x', null], ['a', 0], ['y', null], ['b', 2]), byScore)
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([
      ['b', 1],
      ['a', 2],
      ['x', null],
      ['y', null],
    ])
  })

  it('[tpl:RK1] a zero score is a score, ranked ahead of no score', () => {
    const ranked = rankBy(items(['none', null], ['zero', 0]), byScore)
    expect(ranked).toEqual([
      { id: 'zero', score: 0, rank: 1 },
      { id: 'none', score: null, rank: null },
    ])
  })

  it('[tpl:RK1] with no scores at all, keeps the board order and ranks nothing', () => {
    const ranked = rankBy(items(['c', null], ['a', null], ['b', null]), byScore)
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([
      ['c', null],
      ['a', null],
      ['b', null],
    ])
  })

  it('[tpl:RK1] keeps every field of the items, leaves the input untouched, handles none', () => {
    const input = items(['a', 1], ['b', 2])
    const copy = structuredClone(input)
    const ranked = rankBy(input, (item) => item.score)
    expect(ranked[0]).toEqual({ id: 'b', score: 2, rank: 1 })
    expect(input).toEqual(copy)
    expect(rankBy([], () => 1)).toEqual([])
  })

  it('[tpl:RK1] ranks by the score function, not by any field of the item', () => {
    const words = [{ word: 'bb' }, { word: 'a' }, { word: 'ccc' }]
    const ranked = rankBy(words, ({ word }) => word.length)
    expect(ranked.map((r) => [r.word, r.rank])).toEqual([
      ['ccc', 1],
      ['bb', 2],
      ['a', 3],
    ])
  })
})

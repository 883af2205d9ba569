import { describe, expect, it } from 'vitest'
import { type Ballot, castDot, closeVote, openVote, type PublicVote, tally } from './votes.js'

const items = [
  { id: 'shape:a', label: 'Ship smaller PRs' },
  { id: 'shape:b', label: 'Fewer meetings' },
  { id: 'shape:c', label: 'Pair more' },
]

function open(dotsPerPerson = 3, maxPerItem = 3): PublicVote {
  const vote = openVote('v1', { items, dotsPerPerson, maxPerItem }, 100)
  if (!vote.ok) throw new Error(vote.error)
  return vote.value
}

function cast(vote: PublicVote, ballot: Ballot, ...ids: string[]): Ballot {
  return ids.reduce((current, id) => {
    const next = castDot(vote, current, id, 1)
    if (!next.ok) throw new Error(next.error)
    return next.value
  }, ballot)
}

describe('dot voting', () => {
  it('[fac:V1] checks the setup', () => {
    expect(openVote('v', { items: [], dotsPerPerson: 3, maxPerItem: 1 }, 0)).toEqual({
      ok: false,
      error: 'a vote needs at least one item',
    })
    expect(
      openVote('v', { items: [items[0]!, items[0]!], dotsPerPerson: 3, maxPerItem: 1 }, 0).ok,
    ).toBe(false)
    expect(openVote('v', { items, dotsPerPerson: 0, maxPerItem: 1 }, 0).ok).toBe(false)
    expect(openVote('v', { items, dotsPerPerson: 3, maxPerItem: 4 }, 0).ok).toBe(false)
    expect(open()).toMatchObject({ status: 'open', results: null, voters: null })
  })

  it('[fac:V2] a person never exceeds their dots: a 4th dot with 3 is refused', () => {
    const vote = open(3, 3)
    const ballot = cast(vote, {}, 'shape:a', 'shape:a', 'shape:b')
    expect(castDot(vote, ballot, 'shape:c', 1)).toEqual({
      ok: false,
      error: 'you have used all 3 of your dots',
    })
  })

  it('[fac:V2] the per-item cap holds, so several dots on one item only when allowed', () => {
    const single = open(3, 1)
    const once = cast(single, {}, 'shape:a')
    expect(castDot(single, once, 'shape:a', 1)).toEqual({
      ok: false,
      error: 'one dot per item in this vote',
    })
    const double = open(3, 2)
    expect(castDot(double, cast(double, {}, 'shape:a', 'shape:a'), 'shape:a', 1)).toEqual({
      ok: false,
      error: 'at most 2 dots per item',
    })
  })

  it('[fac:V2] dots can be taken back, only ones you placed, and only on listed items', () => {
    const vote = open()
    const ballot = cast(vote, {}, 'shape:a', 'shape:a')
    expect(castDot(vote, ballot, 'shape:a', -1)).toEqual({ ok: true, value: { 'shape:a': 1 } })
    expect(castDot(vote, { 'shape:a': 1 }, 'shape:a', -1)).toEqual({ ok: true, value: {} })
    expect(castDot(vote, {}, 'shape:b', -1).ok).toBe(false)
    expect(castDot(vote, {}, 'shape:zzz', 1)).toEqual({
      ok: false,
      error: 'that item is not part of this vote',
    })
  })

  it('[fac:V3] closing ranks the items, ties sharing a rank; a closed vote is final', () => {
    const vote = open()
    const ballots = [
      cast(vote, {}, 'shape:b', 'shape:b', 'shape:a'),
      cast(vote, {}, 'shape:a', 'shape:c'),
      {},
    ]
    const closed = closeVote(vote, ballots, 500)
    expect(closed.ok).toBe(true)
    if (!closed.ok) return
    expect(closed.value.results).toEqual([
      { itemId: 'shape:a', label: 'Ship smaller PRs', dots: 2, rank: 1 },
      { itemId: 'shape:b', label: 'Fewer meetings', dots: 2, rank: 1 },
      { itemId: 'shape:c', label: 'Pair more', dots: 1, rank: 3 },
    ])
    expect(closed.value).toMatchObject({ status: 'closed', closedAt: 500, voters: 2 })
    expect(closeVote(closed.value, ballots, 600)).toEqual({
      ok: false,
      error: 'this vote is already closed',
    })
    expect(castDot(closed.value, {}, 'shape:a', 1)).toEqual({
      ok: false,
      error: 'this vote is closed',
    })
  })

  it('[fac:V3] an item nobody voted for still appears, last', () => {
    expect(tally(items, []).map((r) => [r.itemId, r.dots, r.rank])).toEqual([
      ['shape:a', 0, 1],
      ['shape:b', 0, 1],
      ['shape:c', 0, 1],
    ])
  })
})

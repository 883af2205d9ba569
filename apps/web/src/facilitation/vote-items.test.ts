import { VOTE_LIMITS } from '@accord/facilitation'
import { describe, expect, it } from 'vitest'
import { dotsOption, isVotable, voteChoices } from './vote-items'

const items = (...ids: string[]) => ids.map((id) => ({ id: `shape:${id}`, label: id }))

describe('what a vote is over', () => {
  it('is notes and themes, never a template region', () => {
    expect(isVotable({ type: 'note', meta: {} })).toBe(true)
    expect(isVotable({ type: 'frame', meta: {} })).toBe(true)
    expect(isVotable({ type: 'frame', meta: { region: 'start' } })).toBe(false)
    expect(isVotable({ type: 'text', meta: {} })).toBe(false)
  })

  it('offers the selection first, then the themes, then everything', () => {
    const choices = voteChoices({
      selected: items('a'),
      themes: items('t1', 't2'),
      all: items('a', 'b', 't1', 't2'),
    })
    expect(choices.map((choice) => choice.scope)).toEqual(['selected', 'themes', 'all'])
  })

  it('offers the themes by default when nothing is selected', () => {
    const choices = voteChoices({ selected: [], themes: items('t1'), all: items('a', 't1') })
    expect(choices[0]).toEqual({ scope: 'themes', items: items('t1') })
  })

  it('offers each list of items once, and everything even when it is empty', () => {
    expect(voteChoices({ selected: [], themes: items('t1'), all: items('t1') })).toEqual([
      { scope: 'themes', items: items('t1') },
    ])
    expect(voteChoices({ selected: [], themes: [], all: [] })).toEqual([
      { scope: 'all', items: [] },
    ])
  })

  it('holds at most as many items as a vote can', () => {
    const many = Array.from({ length: VOTE_LIMITS.items + 5 }, (_, i) => `n${i}`)
    const [all] = voteChoices({ selected: [], themes: [], all: items(...many) })
    expect(all?.items).toHaveLength(VOTE_LIMITS.items)
  })

  it('takes its dots per person from the workshop’s options when they set them', () => {
    expect(dotsOption({ dots: 5 })).toBe(5)
    expect(dotsOption({ format: 'sailboat' })).toBeNull()
    expect(dotsOption({ dots: 0 })).toBeNull()
    expect(dotsOption(undefined)).toBeNull()
  })
})

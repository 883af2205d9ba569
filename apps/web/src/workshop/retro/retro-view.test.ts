import { initialRoomState, type RoomState } from '@accord/facilitation'
import type { RankedTheme, RetroResult } from '@accord/templates'
import { describe, expect, it } from 'vitest'
import { discussing, themeRows, upNext, voteNote } from './retro-view'

const theme = (id: string, dots: number | null, discussed = false): RankedTheme => ({
  id,
  name: id,
  notes: [],
  dots,
  rank: null,
  discussed,
  discussionNote: '',
})

const result = (themes: RankedTheme[], vote: RetroResult['vote'] = null): RetroResult => ({
  template: 'retro',
  title: 'Sprint 42',
  format: { id: 'start-stop-continue', name: 'Start / Stop / Continue' },
  team: '',
  columns: [],
  themes,
  vote,
  actions: [],
  review: [],
  previous: null,
  participants: [],
})

const withData = (data: Record<string, unknown>): RoomState => ({
  ...initialRoomState(),
  workshop: { template: 'retro', options: {}, data, closedAt: null },
})

describe('the retro panel', () => {
  it('marks the theme under discussion and the ones already discussed', () => {
    const rows = themeRows(
      result([theme('a', 4, true), theme('b', 2, true), theme('c', 1)]),
      discussing(withData({ discussing: 'b' })),
    )
    expect(rows.map((row) => row.status)).toEqual(['discussed', 'discussing', 'waiting'])
  })

  it('reads no theme under discussion from a retro without one (or malformed state)', () => {
    expect(discussing(withData({ discussing: null }))).toBeNull()
    expect(discussing(withData({ discussing: 7 }))).toBeNull()
    expect(discussing(initialRoomState())).toBeNull()
  })

  it('offers the best-ranked undiscussed theme next', () => {
    expect(upNext(result([theme('a', 4, true), theme('b', 2), theme('c', 1)]))?.id).toBe('b')
    expect(upNext(result([theme('a', 4, true)]))).toBeNull()
  })

  it('says where the vote stands', () => {
    const open = { ...withData({}), vote: { status: 'open' } } as unknown as RoomState
    expect(voteNote(open, result([]))).toMatch(/open/)
    expect(voteNote(withData({}), result([], { dotsPerPerson: 3, voters: 2 }))).toBe(
      '2 people voted, 3 dots each.',
    )
    expect(voteNote(withData({}), result([]))).toMatch(/board order/)
  })
})

import { describe, expect, it } from 'vitest'
import {
  apiQuery,
  dateRangeProblem,
  filtersFromSearch,
  hasFilters,
  noFilters,
  searchForFilters,
} from './log-filters'

describe('decision log filters ↔ address', () => {
  it('reads every filter from the query string', () => {
    expect(
      filtersFromSearch(
        '?q=move%20to%20postgres&status=accepted&owner=Pat&template=disagree-and-commit&tag=infra&from=2026-01-01&to=2026-12-31',
      ),
    ).toEqual({
      q: 'move to postgres',
      status: 'accepted',
      owner: 'Pat',
      template: 'disagree-and-commit',
      tag: 'infra',
      from: '2026-01-01',
      to: '2026-12-31',
    })
    expect(filtersFromSearch('')).toEqual(noFilters)
  })

  it('ignores values the API would refuse', () => {
    expect(filtersFromSearch('?status=maybe&from=yesterday&to=2026-13')).toEqual(noFilters)
    expect(filtersFromSearch(`?q=${'x'.repeat(300)}`).q).toHaveLength(200)
  })

  it('writes only the filters in use, trimmed, and round-trips', () => {
    const filters = { ...noFilters, q: '  dark   mode ', status: 'rejected' as const, tag: 'ui ' }
    const search = searchForFilters(filters)
    expect(search).toBe('?q=dark+mode&status=rejected&tag=ui')
    expect(filtersFromSearch(search)).toEqual({
      ...noFilters,
      q: 'dark mode',
      status: 'rejected',
      tag: 'ui',
    })
    expect(searchForFilters(noFilters)).toBe('')
    expect(searchForFilters({ ...noFilters, q: '   ' })).toBe('')
  })

  it('asks the API only for filters with a value', () => {
    expect(apiQuery({ ...noFilters, owner: ' Ada Lovelace ', from: '2026-02-01' })).toEqual({
      owner: 'Ada Lovelace',
      from: '2026-02-01',
    })
    expect(apiQuery(noFilters)).toEqual({})
  })

  it('knows when filters are in use and when the dates cannot match', () => {
    expect(hasFilters(noFilters)).toBe(false)
    expect(hasFilters({ ...noFilters, status: 'proposed' })).toBe(true)
    expect(dateRangeProblem({ ...noFilters, from: '2026-05-02', to: '2026-05-01' })).toMatch(
      /after/,
    )
    expect(dateRangeProblem({ ...noFilters, from: '2026-05-01', to: '2026-05-01' })).toBeNull()
  })
})

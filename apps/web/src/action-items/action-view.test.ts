import { describe, expect, it } from 'vitest'
import type { ActionItemRecord } from '../api/records'
import {
  actionFiltersFromSearch,
  apiStatusFor,
  describeChange,
  groupByOwner,
  isOverdue,
  localToday,
  ownersOf,
  searchForActionFilters,
  statusMoves,
  visibleItems,
} from './action-view'

const item = (
  id: string,
  ownerName: string,
  due: string | null,
  status = 'open',
): ActionItemRecord => ({
  id,
  ownerName,
  due,
  status: status as ActionItemRecord['status'],
  text: `Item ${id}`,
  source: { roomId: 'r', workshopTitle: 'Retro', template: 'retro', shapeIds: [`shape:${id}`] },
  history: [],
})

describe('action item filters ↔ address', () => {
  it('reads the tab and owner, open for everyone by default', () => {
    expect(actionFiltersFromSearch('')).toEqual({ tab: 'open', owner: '' })
    expect(actionFiltersFromSearch('?status=overdue&owner=%20Pat%20')).toEqual({
      tab: 'overdue',
      owner: 'Pat',
    })
    expect(actionFiltersFromSearch('?status=whenever').tab).toBe('open')
  })

  it('writes only what differs from the default', () => {
    expect(searchForActionFilters({ tab: 'open', owner: '' })).toBe('')
    expect(searchForActionFilters({ tab: 'all', owner: 'Ada Lovelace' })).toBe(
      '?status=all&owner=Ada+Lovelace',
    )
  })

  it('asks the server for open items on the overdue tab, and for any on all', () => {
    expect(apiStatusFor('overdue')).toBe('open')
    expect(apiStatusFor('done')).toBe('done')
    expect(apiStatusFor('all')).toBeUndefined()
  })
})

describe('overdue and grouping', () => {
  const today = '2026-06-10'

  it('is overdue when open and due before today', () => {
    expect(isOverdue(item('1', 'Ada', '2026-06-09'), today)).toBe(true)
    expect(isOverdue(item('1', 'Ada', '2026-06-10'), today)).toBe(false)
    expect(isOverdue(item('1', 'Ada', null), today)).toBe(false)
    expect(isOverdue(item('1', 'Ada', '2026-01-01', 'done'), today)).toBe(false)
  })

  it('keeps the overdue ones on the overdue tab, and one owner’s whatever the case', () => {
    const items = [
      item('1', 'Ada', '2026-06-01'),
      item('2', 'bo', '2026-07-01'),
      item('3', 'ada', null),
    ]
    expect(visibleItems(items, { tab: 'overdue', owner: '' }, today).map((i) => i.id)).toEqual([
      '1',
    ])
    expect(visibleItems(items, { tab: 'open', owner: 'ADA' }, today).map((i) => i.id)).toEqual([
      '1',
      '3',
    ])
  })

  it('shows each tab’s status, and keeps items just changed on the page where they were', () => {
    const items = [item('1', 'Ada', '2026-06-01', 'done'), item('2', 'Bo', null, 'dropped')]
    const ids = (tab: 'open' | 'overdue' | 'done' | 'dropped' | 'all', keep?: Set<string>) =>
      visibleItems(items, { tab, owner: '' }, today, keep).map((i) => i.id)
    expect(ids('open')).toEqual([])
    expect(ids('done')).toEqual(['1'])
    expect(ids('dropped')).toEqual(['2'])
    expect(ids('all')).toEqual(['1', '2'])
    expect(ids('overdue', new Set(['1']))).toEqual(['1'])
  })

  it('groups by owner without case, owners alphabetically, items in their order', () => {
    const groups = groupByOwner([
      item('1', 'bo', null),
      item('2', 'Ada', null),
      item('3', 'Cy', null),
      item('4', 'ada', null),
    ])
    expect(groups.map((g) => [g.owner, g.items.map((i) => i.id)])).toEqual([
      ['Ada', ['2', '4']],
      ['bo', ['1']],
      ['Cy', ['3']],
    ])
    expect(ownersOf([item('1', 'Bo', null), item('2', 'Ada', null)])).toEqual(['Ada', 'Bo'])
  })

  it('formats today in local time', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05')
  })
})

describe('changes', () => {
  it('offers done or drop for open items, reopen otherwise', () => {
    expect(statusMoves('open').map((m) => m.to)).toEqual(['done', 'dropped'])
    expect(statusMoves('done').map((m) => m.to)).toEqual(['open'])
    expect(statusMoves('dropped').map((m) => m.to)).toEqual(['open'])
  })

  it('describes a change', () => {
    const at = '2026-06-01T10:00:00Z'
    expect(describeChange({ field: 'status', from: 'open', to: 'done', by: 'Ada', at })).toBe(
      'Status: open → done',
    )
    expect(describeChange({ field: 'due', from: null, to: '2026-07-01', by: null, at })).toBe(
      'Due date: none → 2026-07-01',
    )
  })
})

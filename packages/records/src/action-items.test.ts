import { describe, expect, it } from 'vitest'
import { isOverdueAction, updateAction } from './action-items.js'
import type { ActionItemRecord } from './model.js'

const item: ActionItemRecord = {
  id: 'AI-3',
  source: { roomId: 'r', workshopTitle: 'Retro', template: 'retro', shapeIds: ['shape:a'] },
  text: 'Fix CI',
  ownerName: 'Bo',
  due: '2026-12-01',
  status: 'open',
  history: [],
}
const at = '2026-11-21T12:00:00.000Z'

describe('action items', () => {
  it('[rec:AC1] every changed field is logged: who, when, from and to', () => {
    const updated = updateAction(
      item,
      { status: 'done', ownerName: 'Cy', due: '2026-12-01' },
      'Ada',
      at,
    )
    if (!updated.ok) throw new Error(updated.error)
    expect(updated.value).toMatchObject({ status: 'done', ownerName: 'Cy', due: '2026-12-01' })
    expect(updated.value.history).toEqual([
      { field: 'status', from: 'open', to: 'done', by: 'Ada', at },
      { field: 'owner', from: 'Bo', to: 'Cy', by: 'Ada', at },
    ])
  })

  it('[rec:AC1] refuses an empty owner, a malformed date and an update that changes nothing', () => {
    expect(updateAction(item, { ownerName: '  ' }, 'Ada', at)).toEqual({
      ok: false,
      error: 'an action item needs an owner',
    })
    expect(updateAction(item, { due: '1 Dec' }, 'Ada', at).ok).toBe(false)
    expect(updateAction(item, { status: 'open' }, 'Ada', at)).toEqual({
      ok: false,
      error: 'nothing to change',
    })
    const cleared = updateAction(item, { due: null }, null, at)
    expect(cleared.ok && cleared.value.due).toBeNull()
  })

  it('[rec:AC2] an open item past its due date is overdue; a done one never is', () => {
    expect(isOverdueAction(item, '2026-12-02')).toBe(true)
    expect(isOverdueAction(item, '2026-12-01')).toBe(false)
    expect(isOverdueAction({ ...item, status: 'done' }, '2027-01-01')).toBe(false)
  })
})

import { describe, expect, it } from 'vitest'
import { actionItems, boardGroups, isOverdue, plainText, readAction } from './board-items.js'

const rich = (...lines: string[]) => ({
  type: 'doc',
  content: lines.map((line) => ({ type: 'paragraph', content: [{ type: 'text', text: line }] })),
})
const shape = (
  id: string,
  type: string,
  parentId: string,
  index: string,
  props = {},
  meta = {},
) => ({
  typeName: 'shape',
  id,
  type,
  parentId,
  index,
  props,
  meta,
})

const board = [
  { typeName: 'page', id: 'page:page' },
  shape('shape:f2', 'frame', 'page:page', 'a2', { name: 'Process' }),
  shape('shape:f1', 'frame', 'page:page', 'a1', { name: 'People' }),
  shape('shape:n1', 'note', 'shape:f1', 'a1', { richText: rich('Pairing helps') }),
  shape('shape:g', 'group', 'shape:f1', 'a2'),
  shape('shape:n2', 'note', 'shape:g', 'a1', { richText: rich('Onboarding') }),
  shape('shape:n3', 'note', 'page:page', 'a3', { richText: rich('Loose') }),
  shape('shape:f3', 'frame', 'page:page', 'a4', { name: '  ' }),
]

describe('groups', () => {
  it('[fac:GR1] a group is a frame with the notes inside it, at any depth', () => {
    expect(boardGroups(board)).toEqual([
      { id: 'shape:f1', name: 'People', noteIds: ['shape:n1', 'shape:n2'] },
      { id: 'shape:f2', name: 'Process', noteIds: [] },
      { id: 'shape:f3', name: 'Untitled group', noteIds: [] },
    ])
  })
})

describe('action items', () => {
  const action = (ownerName: string, due: string | null) => ({
    action: { ownerId: `m-${ownerName}`, ownerName, due },
  })

  it('[fac:AI1] reads well-formed action metadata only', () => {
    expect(readAction(action('Ada', '2026-12-01'))).toEqual({
      ownerId: 'm-Ada',
      ownerName: 'Ada',
      due: '2026-12-01',
      status: 'open',
      id: null,
      text: null,
    })
    expect(readAction(action('Ada', null))?.due).toBeNull()
    expect(readAction({ action: { ownerId: '', ownerName: 'X' } })).toBeNull()
    expect(readAction({ action: { ownerId: 'm', ownerName: 'X', due: 'next week' } })).toBeNull()
    expect(readAction({})).toBeNull()
  })

  it('[fac:AI2] lists notes with an owner, soonest due first, with their text', () => {
    const records = [
      shape(
        'shape:a',
        'note',
        'page:page',
        'a1',
        { richText: rich('Write the runbook', 'with examples') },
        action('Ada', null),
      ),
      shape(
        'shape:b',
        'note',
        'page:page',
        'a2',
        { richText: rich('Fix CI') },
        action('Bob', '2026-12-24'),
      ),
      shape(
        'shape:c',
        'note',
        'page:page',
        'a3',
        { richText: rich('Book room') },
        action('Cy', '2026-12-01'),
      ),
      shape('shape:d', 'note', 'page:page', 'a4', { richText: rich('Not an action') }),
    ]
    expect(actionItems(records).map((item) => [item.text, item.ownerName, item.due])).toEqual([
      ['Book room', 'Cy', '2026-12-01'],
      ['Fix CI', 'Bob', '2026-12-24'],
      ['Write the runbook\nwith examples', 'Ada', null],
    ])
  })

  it('[fac:AI3] is overdue only open and with a due date in the past', () => {
    const open = 'open' as const
    expect(isOverdue({ status: open, due: '2026-11-20' }, '2026-11-21')).toBe(true)
    expect(isOverdue({ status: open, due: '2026-11-21' }, '2026-11-21')).toBe(false)
    expect(isOverdue({ status: open, due: null }, '2026-11-21')).toBe(false)
    expect(isOverdue({ status: 'done', due: '2026-11-20' }, '2026-11-21')).toBe(false)
    expect(isOverdue({ status: 'dropped', due: '2026-11-20' }, '2026-11-21')).toBe(false)
  })

  it('[fac:AI5] an action written apart from the note is listed in its own words', () => {
    const note = (meta: object) =>
      shape('shape:a', 'note', 'page:page', 'a1', { richText: rich('Runbook?') }, meta)
    const owned = { ownerId: 'm', ownerName: 'A' }
    expect(actionItems([note({ action: { ...owned, text: 'Write the runbook' } })])[0]?.text).toBe(
      'Write the runbook',
    )
    expect(actionItems([note({ action: { ...owned, text: '  ' } })])[0]?.text).toBe('Runbook?')
  })

  it('[fac:AI4] reads the follow-up the server wrote onto the note: its id and status', () => {
    const meta = (extra: object) => ({ action: { ownerId: 'm', ownerName: 'A', ...extra } })
    expect(readAction(meta({}))).toMatchObject({ status: 'open', id: null })
    expect(readAction(meta({ status: 'done', id: 'AI-7' }))).toMatchObject({
      status: 'done',
      id: 'AI-7',
    })
    expect(readAction(meta({ status: 'finished', id: 'DR-7' }))).toMatchObject({
      status: 'open',
      id: null,
    })
  })

  it('extracts plain text from rich text', () => {
    expect(plainText(rich('a', 'b'))).toBe('a\nb')
    expect(plainText(null)).toBe('')
  })
})

import { initialPlan } from '@accord/facilitation'
import { describe, expect, it } from 'vitest'
import { closedVote, frame, members, note, page, stateFor } from '../testing/fixtures.js'
import { blank, type BlankResult } from './index.js'

const records = [
  frame('shape:g1', 'Ideas'),
  frame('shape:g2', '  '),
  note('shape:n1', ' Loose idea ', page),
  note('shape:n2', 'Grouped idea', 'shape:g1'),
  note('shape:n3', 'Another grouped idea', 'shape:g1'),
  note('shape:n4', 'Own the follow-up', 'shape:g2', {
    meta: { action: { ownerId: 'cy', ownerName: 'Cy', due: '2025-08-01' } },
  }),
  { typeName: 'shape', type: 'geo', id: 'shape:box', parentId: page, props: {}, meta: {} },
  { typeName: 'page', id: 'page:page', name: 'Page 1' },
]

const resultOf = (state = stateFor(blank, {}, initialPlan().phases[0]?.id ?? '')) =>
  blank.result({
    title: 'Free session',
    options: {},
    state,
    data: {},
    records,
    members,
  }) as BlankResult

describe('blank board', () => {
  it('starts with the default phases, no regions and no options', () => {
    const plan = blank.create({}, null)
    expect(plan.phases).toEqual(initialPlan().phases)
    expect(plan.regions).toEqual([])
    expect(plan.data).toEqual({})
    expect(blank.optionFields).toEqual([])
  })

  it('result lists every note’s text, trimmed, in board order', () => {
    const result = resultOf()
    expect(result.template).toBe('blank')
    expect(result.title).toBe('Free session')
    expect(result.notes).toEqual([
      'Loose idea',
      'Grouped idea',
      'Another grouped idea',
      'Own the follow-up',
    ])
  })

  it('result lists the groups with their notes; an unnamed group gets a default name', () => {
    expect(resultOf().groups).toEqual([
      { id: 'shape:g1', name: 'Ideas', notes: ['Grouped idea', 'Another grouped idea'] },
      { id: 'shape:g2', name: 'Untitled group', notes: ['Own the follow-up'] },
    ])
  })

  it('result lists the action items, and they are the open actions', () => {
    const result = resultOf()
    expect(result.actions).toEqual([
      {
        shapeId: 'shape:n4',
        text: 'Own the follow-up',
        ownerId: 'cy',
        ownerName: 'Cy',
        due: '2025-08-01',
        status: 'open',
        id: null,
      },
    ])
    expect(blank.openActions(result)).toEqual([
      { text: 'Own the follow-up', ownerName: 'Cy', due: '2025-08-01' },
    ])
  })

  it('result summarises a closed vote and lists who took part, not viewers', () => {
    const phase = initialPlan().phases[0]?.id ?? ''
    expect(resultOf().vote).toBeNull()
    const voted = { ...stateFor(blank, {}, phase), vote: closedVote({ 'shape:g1': 2 }) }
    expect(resultOf(voted).vote).toEqual({ dotsPerPerson: 3, voters: 3 })
    expect(resultOf().participants).toEqual([
      { id: 'ada', name: 'Ada', role: 'facilitator' },
      { id: 'bo', name: 'Bo', role: 'participant' },
      { id: 'cy', name: 'Cy', role: 'participant' },
    ])
  })
})

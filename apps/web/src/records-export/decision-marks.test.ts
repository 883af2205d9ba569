import { describe, expect, it } from 'vitest'
import {
  currentDecision,
  decisionHref,
  marksByShape,
  markText,
  savedSummary,
} from './decision-marks'

const record = (
  number: number,
  status: 'proposed' | 'accepted' | 'rejected' | 'superseded',
  shapeIds: string[] = ['shape:proposal'],
  supersededBy: string | null = null,
) => ({ id: `DR-${number}`, number, status, supersededBy, source: { shapeIds } })

describe('markText', () => {
  it('says what became of the decision', () => {
    expect(markText(record(12, 'accepted'))).toBe('Decided in DR-12')
    expect(markText(record(12, 'proposed'))).toBe('Proposed: DR-12')
    expect(markText(record(12, 'rejected'))).toBe('Rejected in DR-12')
    expect(markText(record(12, 'superseded', [], 'DR-14'))).toBe('Superseded: DR-12 → DR-14')
    expect(markText(record(12, 'superseded'))).toBe('Superseded: DR-12')
  })
})

describe('marksByShape', () => {
  it('stacks the records of one region newest first, linking to the decision log', () => {
    expect(
      marksByShape([
        record(12, 'superseded', ['shape:proposal'], 'DR-14'),
        record(14, 'accepted', ['shape:proposal', 'shape:other']),
        record(13, 'proposed', ['shape:elsewhere']),
        record(15, 'proposed', []),
      ]),
    ).toEqual([
      {
        shapeId: 'shape:proposal',
        marks: [
          { id: 'DR-14', status: 'accepted', text: 'Decided in DR-14', href: '/decisions/DR-14' },
          {
            id: 'DR-12',
            status: 'superseded',
            text: 'Superseded: DR-12 → DR-14',
            href: '/decisions/DR-12',
          },
        ],
      },
      {
        shapeId: 'shape:elsewhere',
        marks: [
          { id: 'DR-13', status: 'proposed', text: 'Proposed: DR-13', href: '/decisions/DR-13' },
        ],
      },
    ])
  })

  it('encodes the id in the link', () => {
    expect(decisionHref('DR-1/../x')).toBe('/decisions/DR-1%2F..%2Fx')
  })
})

describe('currentDecision', () => {
  it('is the newest record not superseded', () => {
    expect(
      currentDecision([record(12, 'superseded', [], 'DR-14'), record(14, 'accepted')])?.id,
    ).toBe('DR-14')
    expect(currentDecision([record(3, 'superseded', [], 'DR-9')])?.id).toBe('DR-3')
    expect(currentDecision([])).toBeNull()
  })
})

describe('savedSummary', () => {
  it('names the decision record and counts the action items', () => {
    expect(
      savedSummary({ decision: { id: 'DR-12', status: 'proposed' }, actions: [1, 2, 3] }),
    ).toBe('Saved DR-12 (proposed) and 3 action items.')
    expect(savedSummary({ decision: { id: 'DR-2', status: 'accepted' }, actions: [1] })).toBe(
      'Saved DR-2 (accepted) and 1 action item.',
    )
    expect(savedSummary({ decision: null, actions: [1, 2] })).toBe(
      'Saved 2 action items. No decision yet.',
    )
    expect(savedSummary({ decision: null, actions: [] })).toBe(
      'Saved. No decision or action items yet.',
    )
  })

  it('[rec:DR9] never says "no decision yet" on a board whose decisions are recorded apart', () => {
    expect(savedSummary({ decision: null, actions: [1, 2, 3] }, true)).toBe('Saved 3 action items.')
  })
})

import type { DecisionResult, PreMortemResult, RetroResult } from '@accord/templates'
import { describe, expect, it } from 'vitest'
import { recordsOf, type WorkshopMeta } from './from-result.js'

const meta = (template: string): WorkshopMeta => ({
  roomId: 'room1',
  title: 'The workshop',
  template,
  at: new Date('2026-11-21T15:00:00Z'),
  regionFrames: new Map([['proposal', 'shape:proposal']]),
})
const action = {
  shapeId: 'shape:act',
  text: 'Write the runbook',
  ownerId: 'm2',
  ownerName: 'Bo',
  due: '2026-12-01',
  status: 'open' as const,
  id: null,
}

describe('records of a workshop', () => {
  it('[rec:RC1] a disagree-and-commit leaves a decision record with MADR’s fields, stances, dissent and commitments', () => {
    const result: DecisionResult = {
      template: 'disagree-and-commit',
      title: 'Move to PostgreSQL',
      scale: 'fist-of-five',
      anonymous: false,
      proposal: {
        title: 'Move to PostgreSQL',
        context: 'Writes double next quarter',
        options: [{ title: 'PostgreSQL', pros: 'Scale', cons: 'Ops' }],
        drivers: ['Writes must keep up at month end', 'Two people can operate it'],
        informed: ['Finance', 'Support'],
        tags: ['database', 'ledger'],
        deciderId: 'm1',
        deciderName: 'Ada',
      },
      stances: [
        { value: 1, reason: 'Nobody runs it at night', memberId: 'm2', name: 'Bo' },
        { value: 5, reason: '', memberId: 'm1', name: 'Ada' },
      ],
      summary: null,
      dissent: [{ value: 1, reason: 'Nobody runs it at night', memberId: 'm2', name: 'Bo' }],
      decision: {
        outcome: 'accepted',
        option: 'PostgreSQL',
        text: 'We move to PostgreSQL',
        rationale: 'Growth',
        consequences: 'Good: month end closes on time.\nBad: we run PostgreSQL ourselves.',
        acknowledgment: '',
        deciderId: 'm1',
        deciderName: 'Ada',
        at: Date.parse('2026-11-20T10:00:00Z'),
      },
      commitments: [{ memberId: 'm2', name: 'Bo', at: Date.parse('2026-11-20T10:05:00Z') }],
      notCommitted: [],
      concerns: [],
      revisits: null,
      actions: [action],
      participants: [
        { id: 'm1', name: 'Ada', role: 'facilitator' },
        { id: 'm2', name: 'Bo', role: 'participant' },
      ],
    }
    const records = recordsOf(meta('disagree-and-commit'), result)
    expect(records.decision).toMatchObject({
      title: 'Move to PostgreSQL',
      status: 'accepted',
      date: '2026-11-20',
      chosenOption: 'PostgreSQL',
      decision: 'We move to PostgreSQL',
      drivers: ['Writes must keep up at month end', 'Two people can operate it'],
      consequences: 'Good: month end closes on time.\nBad: we run PostgreSQL ourselves.',
      decisionMakers: ['Ada'],
      informed: ['Finance', 'Support'],
      tags: ['database', 'ledger'],
      consulted: ['Bo'],
      participants: ['Ada', 'Bo'],
      dissent: [{ name: 'Bo', stance: '1 — Strong concerns', reason: 'Nobody runs it at night' }],
      commitments: [{ name: 'Bo', at: '2026-11-20T10:05:00.000Z' }],
      source: { roomId: 'room1', template: 'disagree-and-commit', shapeIds: ['shape:proposal'] },
    })
    expect(records.actions).toEqual([
      {
        key: 'shape:act',
        source: {
          roomId: 'room1',
          workshopTitle: 'The workshop',
          template: 'disagree-and-commit',
          shapeIds: ['shape:act'],
        },
        text: 'Write the runbook',
        ownerName: 'Bo',
        due: '2026-12-01',
        status: 'open',
      },
    ])
    const undecided = recordsOf(meta('disagree-and-commit'), { ...result, decision: null })
    expect(undecided.decision).toMatchObject({
      status: 'proposed',
      decision: '',
      consequences: '',
      date: '2026-11-21',
      // What the proposal says is recorded before anything is decided.
      drivers: ['Writes must keep up at month end', 'Two people can operate it'],
      informed: ['Finance', 'Support'],
      tags: ['database', 'ledger'],
    })
    expect(
      recordsOf(meta('disagree-and-commit'), { ...result, proposal: null }).decision,
    ).toBeNull()
  })

  it('[rec:RC1] a pre-mortem leaves its risk register, and each mitigation as an owned action', () => {
    const result = {
      template: 'pre-mortem',
      title: 'Launch',
      prompt: '',
      plan: null,
      ranking: 'dots',
      risks: [
        {
          id: 'shape:r1',
          name: 'Nobody on call',
          reasons: ['Holidays'],
          dots: 4,
          likelihood: null,
          impact: null,
          score: 4,
          rank: 1,
          mitigation: { text: 'Rota', ownerId: 'm3', ownerName: 'Cy' },
        },
      ],
      unclustered: [],
      actions: [],
      participants: [],
    } satisfies PreMortemResult
    const records = recordsOf(meta('pre-mortem'), result)
    expect(records.risks).toEqual([
      {
        name: 'Nobody on call',
        reasons: ['Holidays'],
        rank: 1,
        score: 4,
        likelihood: null,
        impact: null,
        mitigation: 'Rota',
        ownerName: 'Cy',
        shapeId: 'shape:r1',
      },
    ])
    expect(records.actions.map((a) => [a.key, a.text, a.ownerName])).toEqual([
      ['mitigation:shape:r1', 'Nobody on call: Rota', 'Cy'],
    ])
    expect(records.decision).toBeNull()
  })

  it('[rec:RC1] a retro leaves its themes with their votes and its actions', () => {
    const result = {
      template: 'retro',
      title: 'Sprint 12',
      format: { id: 'mad-sad-glad', name: 'Mad / Sad / Glad' },
      team: '',
      columns: [],
      themes: [
        {
          id: 'shape:t',
          name: 'Meetings',
          notes: ['Too long'],
          dots: 3,
          rank: 1,
          discussed: true,
          discussionNote: 'Cap at 15 min',
        },
      ],
      vote: { dotsPerPerson: 3, voters: 2 },
      actions: [action],
      review: [],
      previous: null,
      participants: [],
    } satisfies RetroResult
    const records = recordsOf(meta('retro'), result)
    expect(records.themes).toEqual([
      {
        name: 'Meetings',
        notes: ['Too long'],
        dots: 3,
        rank: 1,
        discussionNote: 'Cap at 15 min',
        shapeId: 'shape:t',
      },
    ])
    expect(records.actions).toHaveLength(1)
  })
})

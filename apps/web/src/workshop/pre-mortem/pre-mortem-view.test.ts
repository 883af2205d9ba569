import type { Turns } from '@accord/facilitation'
import type { PreMortemResult, RegisterEntry } from '@accord/templates'
import { describe, expect, it } from 'vitest'
import {
  activeSection,
  briefCommand,
  mergeScores,
  mitigationCommand,
  namesOf,
  preMortemView,
  rankingOf,
  readScoreSheet,
  riskScoreText,
  scoreCommand,
  scorersOf,
  turnsView,
} from './pre-mortem-view'

const risk = (patch: Partial<RegisterEntry> = {}): RegisterEntry => ({
  id: 'shape:r1',
  name: 'No DBA',
  reasons: ['Nobody knows Postgres'],
  dots: null,
  likelihood: null,
  impact: null,
  score: null,
  rank: null,
  mitigation: null,
  ...patch,
})

function result(patch: Partial<PreMortemResult> = {}): PreMortemResult {
  return {
    template: 'pre-mortem',
    title: 'Launch',
    prompt: '',
    plan: { statement: 'Launch in May', ownerId: 'pat', ownerName: 'Pat' },
    ranking: 'dots',
    risks: [risk()],
    unclustered: [],
    actions: [],
    participants: [],
    ...patch,
  }
}

const turns: Turns = {
  order: [
    { memberId: 'pat', name: 'Pat' },
    { memberId: 'faye', name: 'Faye' },
  ],
  current: 0,
  shared: 2,
}

const faye = { id: 'faye', role: 'facilitator' as const }
const pat = { id: 'pat', role: 'participant' as const }
const vic = { id: 'vic', role: 'viewer' as const }

const viewOf = (
  phaseId: string,
  self: typeof faye | typeof pat | typeof vic,
  options: {
    ranking?: 'dots' | 'scores'
    turns?: Turns | null
    closed?: boolean
    result?: PreMortemResult
    anonymous?: boolean
  } = {},
) =>
  preMortemView({
    phaseId,
    self,
    facilitates: self.role === 'facilitator',
    ranking: options.ranking ?? 'dots',
    result: options.result ?? result(),
    turns: options.turns ?? null,
    scoresClosed: options.closed ?? false,
    anonymous: options.anonymous ?? false,
  })

describe('pre-mortem panel: who sees which controls', () => {
  it('the facilitator starts the round in the share phase, and skips while it is under way', () => {
    expect(viewOf('share', faye).startRound).toBe(true)
    expect(viewOf('share', faye).skipTurn).toBe(false)
    expect(viewOf('share', pat).startRound).toBe(false)
    expect(viewOf('failure', faye).startRound).toBe(false)
    expect(viewOf('share', faye, { turns }).startRound).toBe(false)
    expect(viewOf('share', faye, { turns }).skipTurn).toBe(true)
    expect(viewOf('share', pat, { turns }).skipTurn).toBe(false)
    // A finished round can be started again (for notes written late).
    expect(viewOf('share', faye, { turns: { ...turns, current: null } }).startRound).toBe(true)
    expect(viewOf('brief', pat).showTurns).toBe(false)
    expect(viewOf('share', pat).showTurns).toBe(true)
  })

  it('only the person whose turn it is shares', () => {
    expect(viewOf('share', pat, { turns }).myTurn).toBe(true)
    expect(viewOf('share', faye, { turns }).myTurn).toBe(false)
    expect(viewOf('share', faye, { turns: { ...turns, current: 1 } }).myTurn).toBe(true)
    expect(viewOf('cluster', pat, { turns }).myTurn).toBe(false)
  })

  it('an anonymous room shares no turns: the facilitator reveals every reason at once', () => {
    const anonymous = { anonymous: true, turns }
    expect(viewOf('share', faye, { anonymous: true }).startRound).toBe(false)
    expect(viewOf('share', faye, anonymous).skipTurn).toBe(false)
    expect(viewOf('share', pat, anonymous).myTurn).toBe(false)
    expect(viewOf('share', pat, anonymous).revealAllInstead).toBe(true)
    expect(viewOf('share', pat).revealAllInstead).toBe(false)
    expect(viewOf('cluster', pat, anonymous).revealAllInstead).toBe(false)
  })

  it('nudges about reasons not yet in a risk while clustering', () => {
    const loose = result({ unclustered: ['a', 'b'] })
    expect(viewOf('cluster', pat, { result: loose }).clusterNudge).toBe(2)
    expect(viewOf('share', pat, { result: loose }).clusterNudge).toBeNull()
    expect(viewOf('cluster', pat).clusterNudge).toBeNull()
  })

  it('scoring: participants score in the rank phase until the facilitator closes it', () => {
    const scores = { ranking: 'scores' as const }
    expect(viewOf('rank', pat, scores).scoreRisks).toBe(true)
    expect(viewOf('rank', faye, scores).scoreRisks).toBe(true)
    expect(viewOf('rank', vic, scores).scoreRisks).toBe(false)
    expect(viewOf('rank', pat, { ...scores, closed: true }).scoreRisks).toBe(false)
    expect(viewOf('rank', pat, { ...scores, result: result({ risks: [] }) }).scoreRisks).toBe(false)
    expect(viewOf('rank', faye, scores).closeScoring).toBe(true)
    expect(viewOf('rank', pat, scores).closeScoring).toBe(false)
    expect(viewOf('rank', faye, { ...scores, closed: true }).closeScoring).toBe(false)
    expect(viewOf('rank', pat).scoreRisks).toBe(false) // a dot-vote pre-mortem
    expect(viewOf('rank', pat).dotsHint).toBe(true)
    expect(viewOf('rank', pat, scores).dotsHint).toBe(false)
  })

  it('only the facilitator records mitigations and the brief', () => {
    expect(viewOf('mitigate', faye).mitigate).toBe(true)
    expect(viewOf('mitigate', pat).mitigate).toBe(false)
    expect(viewOf('brief', faye).editBrief).toBe(true)
    expect(viewOf('brief', pat).editBrief).toBe(false)
  })
})

describe('pre-mortem panel: the section the phase is about', () => {
  it('maps each phase to the section brought into view', () => {
    expect(
      ['brief', 'failure', 'share', 'cluster', 'rank', 'mitigate', 'close'].map(activeSection),
    ).toEqual(['brief', null, 'turns', 'register', 'scoring', 'register', 'register'])
  })
})

describe('pre-mortem panel: the round-robin', () => {
  it('shows the order, whose turn it is and how far it has got', () => {
    expect(turnsView(turns, 'faye')).toEqual({
      rows: [
        { memberId: 'pat', name: 'Pat', current: true, self: false },
        { memberId: 'faye', name: 'Faye', current: false, self: true },
      ],
      status: 'Pat’s turn.',
      shared: 2,
      done: false,
      started: true,
    })
    expect(turnsView(turns, 'pat').status).toBe('Your turn: share one reason.')
    const done = turnsView({ ...turns, current: null, shared: 5 }, 'pat')
    expect(done).toMatchObject({ status: 'Every reason is shared.', done: true, shared: 5 })
    expect(turnsView(null, 'pat')).toMatchObject({
      rows: [],
      status: 'The round has not started yet.',
      started: false,
      done: false,
    })
  })
})

describe('pre-mortem panel: forms', () => {
  it('the brief becomes brief.set', () => {
    expect(briefCommand(' Launch in May ', 'pat')).toEqual({
      ok: true,
      command: { type: 'brief.set', statement: 'Launch in May', ownerId: 'pat' },
    })
    expect(briefCommand('', 'pat').ok).toBe(false)
    expect(briefCommand('Launch', '')).toEqual({ ok: false, error: 'Choose the plan owner.' })
  })

  it('scores: prefilled from one’s own sheet, edits on top, sent for risks scored on both', () => {
    const own = readScoreSheet({
      'shape:r1': { likelihood: 3, impact: 4 },
      'shape:r2': { likelihood: 9, impact: 'x' },
      junk: 5,
    })
    expect(own).toEqual({
      'shape:r1': { likelihood: 3, impact: 4 },
      'shape:r2': { likelihood: null, impact: null },
    })
    expect(readScoreSheet(null)).toEqual({})
    const edits = { 'shape:r1': { impact: 5 }, 'shape:r3': { likelihood: 2 } }
    expect(mergeScores(own, edits, 'shape:r1')).toEqual({ likelihood: 3, impact: 5 })
    const risks = [
      { id: 'shape:r1', name: 'No DBA' },
      { id: 'shape:r2', name: 'Scope creep' },
      { id: 'shape:r3', name: 'Vendor' },
    ]
    expect(scoreCommand(risks, (id) => mergeScores(own, edits, id))).toEqual({
      ok: false,
      error: 'Give “Vendor” both a likelihood and an impact.',
    })
    expect(
      scoreCommand(risks, (id) => mergeScores(own, { 'shape:r1': { impact: 5 } }, id)),
    ).toEqual({
      ok: true,
      command: {
        type: 'risk.score',
        scores: [{ riskId: 'shape:r1', likelihood: 3, impact: 5 }],
      },
    })
    expect(scoreCommand(risks, () => ({ likelihood: null, impact: null }))).toEqual({
      ok: false,
      error: 'Score at least one risk.',
    })
  })

  it('a mitigation needs its text and one owner', () => {
    expect(mitigationCommand('shape:r1', ' Hire a DBA ', 'pat')).toEqual({
      ok: true,
      command: {
        type: 'risk.mitigate',
        riskId: 'shape:r1',
        mitigation: 'Hire a DBA',
        ownerId: 'pat',
      },
    })
    expect(mitigationCommand('shape:r1', '', 'pat').ok).toBe(false)
    expect(mitigationCommand('shape:r1', 'Hire', '').ok).toBe(false)
  })
})

describe('pre-mortem panel: the register', () => {
  it('shows dots or likelihood × impact', () => {
    expect(riskScoreText(risk({ dots: 3 }), 'dots')).toBe('3 dots')
    expect(riskScoreText(risk({ dots: 1 }), 'dots')).toBe('1 dot')
    expect(riskScoreText(risk(), 'dots')).toBe('–')
    expect(riskScoreText(risk({ likelihood: 3.5, impact: 4, score: 14 }), 'scores')).toBe(
      '3.5 × 4 = 14',
    )
    expect(riskScoreText(risk(), 'scores')).toBe('–')
  })

  it('reads options and who scored', () => {
    expect(rankingOf({ ranking: 'scores' })).toBe('scores')
    expect(rankingOf(undefined)).toBe('dots')
    expect(scorersOf({ scorers: ['pat', 3, 'faye'] })).toEqual(['pat', 'faye'])
    expect(scorersOf({})).toEqual([])
    expect(namesOf(['pat', 'gone'], [{ id: 'pat', name: 'Pat' }])).toEqual(['Pat', 'Someone'])
  })
})

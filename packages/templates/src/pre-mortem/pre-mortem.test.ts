import type { RoomState } from '@accord/facilitation'
import { describe, expect, it } from 'vitest'
import {
  act,
  ada,
  bo,
  closedVote,
  cy,
  frame,
  members,
  note,
  page,
  stateFor,
  vi,
  withData,
  optionsFor,
} from '../testing/fixtures.js'
import { defaultFailurePrompt, preMortem } from './index.js'
import type { PreMortemResult } from './result.js'
import { averageScores } from './scores.js'

const options = (given: Record<string, unknown> = {}) => optionsFor(preMortem, given)
const phaseIds = ['brief', 'failure', 'share', 'cluster', 'rank', 'mitigate', 'close']
const scoring = { ranking: 'scores' }

/** The reasons region with three risks (r1, r2, r3 in board order) and an unclustered reason. */
const board = [
  frame('shape:plan', 'The plan', { region: 'plan' }),
  frame('shape:reasons', 'Why it failed', { region: 'reasons', x: 600 }),
  frame('shape:r1', 'Vendor', { parentId: 'shape:reasons', y: 300 }),
  frame('shape:r2', 'Staffing', { parentId: 'shape:reasons', y: 300, x: 300 }),
  frame('shape:r3', 'Scope', { parentId: 'shape:reasons', y: 600 }),
  note('shape:n1', 'The vendor went bust', 'shape:r1'),
  note('shape:n2', 'Nobody owned the vendor contract', 'shape:r1', { y: 220 }),
  note('shape:n3', 'Two people left', 'shape:r2'),
  note('shape:n4', 'Scope doubled', 'shape:r3'),
  note('shape:n5', 'Launch clashed with the holidays', 'shape:reasons', { y: 100 }),
  note('shape:n6', 'We never wrote it down', 'shape:reasons', { y: 100, x: 250 }),
  note('shape:p1', 'Move billing to the new provider', 'shape:plan'),
]

function resultOf(
  given: Record<string, unknown>,
  { state, data, records = board }: { state?: RoomState; data?: object; records?: unknown[] } = {},
): PreMortemResult {
  const opts = options(given)
  return preMortem.result({
    title: 'Billing migration',
    options: opts,
    state: state ?? stateFor(preMortem, given, 'mitigate'),
    data: { ...preMortem.create(opts, null).data, ...data },
    records,
    members,
  }) as PreMortemResult
}

describe('pre-mortem: phases', () => {
  it('brief, failure, share, cluster, rank, mitigate, close', () => {
    expect(preMortem.create(options(), null).phases.map((phase) => phase.id)).toEqual(phaseIds)
    expect(preMortem.create(options(scoring), null).phases.map((phase) => phase.id)).toEqual(
      phaseIds,
    )
  })

  it('the failure phase is timed private writing, its instructions the facilitator’s prompt', () => {
    const plan = preMortem.create(
      options({ writingMinutes: 12, prompt: 'It is 2027. The launch flopped. Why?' }),
      null,
    )
    const failure = plan.phases.find((phase) => phase.id === 'failure')
    expect(failure?.rules).toMatchObject({ privateWriting: true, boardEditing: false })
    expect(failure?.timerMinutes).toBe(12)
    expect(failure?.instructions).toBe('It is 2027. The launch flopped. Why?')
    expect(plan.phases.filter((p) => p.rules.privateWriting).map((p) => p.id)).toEqual(['failure'])
  })

  it('the failure prompt falls back to Klein’s wording when none is given', () => {
    const failure = (given: Record<string, unknown>) =>
      preMortem.create(options(given), null).phases.find((phase) => phase.id === 'failure')
    expect(failure({})?.instructions).toBe(defaultFailurePrompt)
    expect(failure({})?.timerMinutes).toBe(7)
    expect(failure({ prompt: '   ' })?.instructions).toBe(defaultFailurePrompt)
  })

  it('the share phase reveals in turns, round-robin, into the reasons region', () => {
    const share = preMortem.create(options(), null).phases.find((phase) => phase.id === 'share')
    expect(share?.rules.reveal).toBe('turn')
    expect(share?.focus).toBe('reasons')
    expect(share?.instructions).toContain('plan owner')
  })

  it('the rank phase holds a dot vote only when ranking by dots', () => {
    const dots = preMortem.create(options({ dots: 4 }), null).phases
    expect(dots.filter((p) => p.rules.voting).map((p) => p.id)).toEqual(['rank'])
    expect(dots.find((p) => p.id === 'rank')?.instructions).toContain('You have 4 dots')
    const scores = preMortem.create(options(scoring), null).phases
    expect(scores.some((p) => p.rules.voting)).toBe(false)
    expect(scores.find((p) => p.id === 'rank')?.instructions).toContain('likelihood and impact')
    for (const plan of [dots, scores]) {
      expect(plan.find((p) => p.id === 'rank')?.rules.boardEditing).toBe(false)
    }
  })

  it('lays out the plan and the reasons, where private notes land', () => {
    const plan = preMortem.create(options({ anonymous: true }), null)
    expect(plan.regions.map((r) => [r.key, r.collects])).toEqual([
      ['plan', false],
      ['reasons', true],
    ])
    expect(plan.data).toEqual({ plan: null, scorers: [], scores: null, mitigations: {} })
    expect(plan.anonymous).toBe(true)
  })
})

describe('pre-mortem: the brief', () => {
  const brief = stateFor(preMortem, {}, 'brief')

  it('brief.set records the plan and its owner by name', () => {
    expect(
      act(preMortem, brief, 'brief.set', { statement: ' Move billing ', ownerId: 'bo' }),
    ).toEqual({
      ok: true,
      value: {
        data: {
          plan: { statement: 'Move billing', ownerId: 'bo', ownerName: 'Bo' },
          scorers: [],
          scores: null,
          mitigations: {},
        },
      },
    })
  })

  it('brief.set refuses an owner who is a viewer or not in the room', () => {
    for (const ownerId of [vi.id, 'nobody']) {
      expect(act(preMortem, brief, 'brief.set', { statement: 'Move billing', ownerId })).toEqual({
        ok: false,
        error: 'the plan owner must be someone in the room',
      })
    }
  })

  it('brief.set refuses an empty statement or a malformed owner id', () => {
    expect(act(preMortem, brief, 'brief.set', { statement: '  ', ownerId: 'bo' })).toEqual({
      ok: false,
      error: 'statement: must not be empty',
      invalid: true,
    })
    expect(
      act(preMortem, brief, 'brief.set', { statement: 'Plan', ownerId: 'bo bo' }),
    ).toMatchObject({ ok: false, invalid: true, error: 'ownerId: must be a member id' })
  })
})

describe('pre-mortem: scoring risks', () => {
  const rank = stateFor(preMortem, scoring, 'rank')
  const sheet = {
    scores: [
      { riskId: 'shape:r1', likelihood: 4, impact: 5 },
      { riskId: 'shape:r2', likelihood: 2, impact: 3 },
    ],
  }

  it('[tpl:PM2] risk.score hands in the caller’s sheet secretly; the data only says who scored', () => {
    const scored = act(preMortem, rank, 'risk.score', sheet, { actor: bo, records: board })
    expect(scored).toEqual({
      ok: true,
      value: {
        data: { plan: null, scorers: ['bo'], scores: null, mitigations: {} },
        submit: {
          'shape:r1': { likelihood: 4, impact: 5 },
          'shape:r2': { likelihood: 2, impact: 3 },
        },
      },
    })
    if (!scored.ok) return
    const again = act(preMortem, withData(rank, scored.value.data), 'risk.score', sheet, {
      actor: bo,
      records: board,
    })
    expect(again.ok && again.value.data?.scorers).toEqual(['bo'])
    const other = act(preMortem, withData(rank, scored.value.data), 'risk.score', sheet, {
      actor: cy,
      records: board,
    })
    expect(other.ok && other.value.data?.scorers).toEqual(['bo', 'cy'])
  })

  it('[tpl:PM2] risk.score is refused when the pre-mortem ranks by dots', () => {
    const dots = stateFor(preMortem, {}, 'rank')
    expect(act(preMortem, dots, 'risk.score', sheet, { records: board })).toEqual({
      ok: false,
      error: 'this pre-mortem ranks risks by dots',
    })
  })

  it('[tpl:PM2] risk.score is refused outside the ranking phase', () => {
    for (const phase of ['cluster', 'mitigate']) {
      const state = stateFor(preMortem, scoring, phase)
      expect(act(preMortem, state, 'risk.score', sheet, { records: board })).toEqual({
        ok: false,
        error: 'risks are scored in the ranking phase',
      })
    }
  })

  it('[tpl:PM2] risk.score refuses a risk that is not on the board, or a region', () => {
    for (const riskId of ['shape:gone', 'shape:reasons', 'shape:n5']) {
      const input = { scores: [{ riskId, likelihood: 3, impact: 3 }] }
      expect(act(preMortem, rank, 'risk.score', input, { records: board })).toEqual({
        ok: false,
        error: `${riskId} is not a risk on the board`,
      })
    }
  })

  it('[tpl:PM2] risk.score refuses scores outside 1 to 5, fractions and an empty sheet', () => {
    for (const [likelihood, impact] of [
      [0, 3],
      [3, 6],
      [2.5, 3],
    ]) {
      const input = { scores: [{ riskId: 'shape:r1', likelihood, impact }] }
      expect(act(preMortem, rank, 'risk.score', input, { records: board })).toMatchObject({
        ok: false,
        invalid: true,
      })
    }
    expect(
      act(
        preMortem,
        rank,
        'risk.score',
        { scores: [{ riskId: 'shape:r1', likelihood: 0, impact: 3 }] },
        { records: board },
      ),
    ).toMatchObject({ error: 'scores.0.likelihood: scores are 1 to 5' })
    expect(act(preMortem, rank, 'risk.score', { scores: [] }, { records: board })).toMatchObject({
      ok: false,
      error: 'scores: score at least one risk',
    })
  })

  it('[tpl:PM2] scores.close publishes every risk’s mean likelihood and impact', () => {
    const closed = act(
      preMortem,
      rank,
      'scores.close',
      {},
      {
        submissions: [
          { memberId: 'bo', value: { 'shape:r1': { likelihood: 4, impact: 5 } } },
          {
            memberId: 'cy',
            value: {
              'shape:r1': { likelihood: 3, impact: 4 },
              'shape:r2': { likelihood: 2, impact: 2 },
            },
          },
          { memberId: 'ada', value: 'not a sheet' },
        ],
      },
    )
    if (!closed.ok) throw new Error(closed.error)
    expect(closed.value.data?.scores).toEqual({
      'shape:r1': { likelihood: 3.5, impact: 4.5, score: 15.8, raters: 2 },
      'shape:r2': { likelihood: 2, impact: 2, score: 4, raters: 1 },
    })
    const after = withData(rank, closed.value.data)
    expect(act(preMortem, after, 'scores.close', {}, { submissions: [] })).toEqual({
      ok: false,
      error: 'the scoring is already closed',
    })
    expect(act(preMortem, after, 'risk.score', sheet, { records: board })).toEqual({
      ok: false,
      error: 'the scoring is closed',
    })
  })

  it('[tpl:PM2] scores.close is refused before anyone scored, or when ranking by dots', () => {
    expect(act(preMortem, rank, 'scores.close', {}, { submissions: [] })).toEqual({
      ok: false,
      error: 'nobody has scored yet',
    })
    const dots = stateFor(preMortem, {}, 'rank')
    expect(
      act(preMortem, dots, 'scores.close', {}, { submissions: [{ memberId: 'bo', value: {} }] }),
    ).toEqual({ ok: false, error: 'this pre-mortem ranks risks by dots' })
  })

  it('[tpl:PM2] averageScores: means to one decimal, score the product of the exact means', () => {
    const scores = averageScores([
      { a: { likelihood: 1, impact: 1 }, b: { likelihood: 5, impact: 5 } },
      { a: { likelihood: 1, impact: 1 } },
      { a: { likelihood: 2, impact: 2 }, c: { likelihood: 3, impact: 1 } },
    ])
    // 4/3 × 4/3 = 1.78 → 1.8 (rounding the means first would give 1.3 × 1.3 = 1.7).
    expect(scores).toEqual({
      a: { likelihood: 1.3, impact: 1.3, score: 1.8, raters: 3 },
      b: { likelihood: 5, impact: 5, score: 25, raters: 1 },
      c: { likelihood: 3, impact: 1, score: 3, raters: 1 },
    })
    expect(averageScores([])).toEqual({})
  })
})

describe('pre-mortem: mitigations', () => {
  const mitigate = stateFor(preMortem, {}, 'mitigate')

  it('risk.mitigate records one mitigation and one owner per risk, replacing the last', () => {
    const first = act(
      preMortem,
      mitigate,
      'risk.mitigate',
      { riskId: 'shape:r1', mitigation: 'Second vendor on standby', ownerId: 'cy' },
      { records: board },
    )
    if (!first.ok) throw new Error(first.error)
    expect(first.value.data?.mitigations).toEqual({
      'shape:r1': { text: 'Second vendor on standby', ownerId: 'cy', ownerName: 'Cy' },
    })
    const second = act(
      preMortem,
      withData(mitigate, first.value.data),
      'risk.mitigate',
      { riskId: 'shape:r2', mitigation: 'Hire a contractor', ownerId: 'ada' },
      { records: board },
    )
    if (!second.ok) throw new Error(second.error)
    const replaced = act(
      preMortem,
      withData(mitigate, second.value.data),
      'risk.mitigate',
      { riskId: 'shape:r1', mitigation: 'Escrow the code', ownerId: 'bo' },
      { records: board },
    )
    if (!replaced.ok) throw new Error(replaced.error)
    expect(replaced.value.data?.mitigations).toEqual({
      'shape:r1': { text: 'Escrow the code', ownerId: 'bo', ownerName: 'Bo' },
      'shape:r2': { text: 'Hire a contractor', ownerId: 'ada', ownerName: 'Ada' },
    })
  })

  it('risk.mitigate refuses an unknown risk, a viewer owner and an empty mitigation', () => {
    const input = { riskId: 'shape:r1', mitigation: 'Escrow', ownerId: 'bo' }
    expect(
      act(
        preMortem,
        mitigate,
        'risk.mitigate',
        { ...input, riskId: 'shape:gone' },
        { records: board },
      ),
    ).toEqual({ ok: false, error: 'shape:gone is not a risk on the board' })
    expect(
      act(preMortem, mitigate, 'risk.mitigate', { ...input, ownerId: vi.id }, { records: board }),
    ).toEqual({ ok: false, error: 'the owner must be someone in the room' })
    expect(
      act(preMortem, mitigate, 'risk.mitigate', { ...input, mitigation: '' }, { records: board }),
    ).toMatchObject({ ok: false, invalid: true, error: 'mitigation: must not be empty' })
  })
})

describe('pre-mortem: the risk register', () => {
  it('[tpl:PM1] ranks risks by the closed dot vote, ties sharing a rank in board order', () => {
    const state = {
      ...stateFor(preMortem, {}, 'mitigate'),
      vote: closedVote({ 'shape:r1': 2, 'shape:r2': 5, 'shape:r3': 2 }),
    }
    const result = resultOf({}, { state })
    expect(result.ranking).toBe('dots')
    expect(result.risks.map((r) => [r.name, r.dots, r.score, r.rank])).toEqual([
      ['Staffing', 5, 5, 1],
      ['Vendor', 2, 2, 2],
      ['Scope', 2, 2, 2],
    ])
    expect(result.risks[1]?.reasons).toEqual([
      'The vendor went bust',
      'Nobody owned the vendor contract',
    ])
    expect(result.risks.every((r) => r.likelihood === null && r.impact === null)).toBe(true)
  })

  it('[tpl:PM1] before the vote closes, the register is in board order and unranked', () => {
    const result = resultOf({}, { state: stateFor(preMortem, {}, 'rank') })
    expect(result.risks.map((r) => [r.id, r.rank, r.score])).toEqual([
      ['shape:r1', null, null],
      ['shape:r2', null, null],
      ['shape:r3', null, null],
    ])
  })

  it('[tpl:PM1] ranks risks by likelihood × impact when scoring; unscored risks come last', () => {
    const scores = averageScores([
      { 'shape:r1': { likelihood: 2, impact: 2 }, 'shape:r3': { likelihood: 4, impact: 5 } },
      { 'shape:r1': { likelihood: 3, impact: 3 }, 'shape:r3': { likelihood: 5, impact: 5 } },
    ])
    // A dot vote held anyway does not count when ranking by scores.
    const state = {
      ...stateFor(preMortem, scoring, 'mitigate'),
      vote: closedVote({ 'shape:r2': 9 }),
    }
    const result = resultOf(scoring, { state, data: { scores } })
    expect(result.ranking).toBe('scores')
    expect(result.risks.map((r) => [r.id, r.likelihood, r.impact, r.score, r.rank])).toEqual([
      ['shape:r3', 4.5, 5, 22.5, 1],
      ['shape:r1', 2.5, 2.5, 6.3, 2],
      ['shape:r2', null, null, null, null],
    ])
    expect(result.risks[2]?.dots).toBe(9)
  })

  it('[tpl:PM1] lists the reasons shared but never clustered, in reading order', () => {
    const result = resultOf({})
    expect(result.unclustered).toEqual([
      'Launch clashed with the holidays',
      'We never wrote it down',
    ])
  })

  it('[tpl:PM1] carries the plan, the prompt, mitigations, actions and who took part', () => {
    const data = {
      plan: { statement: 'Move billing', ownerId: 'bo', ownerName: 'Bo' },
      mitigations: {
        'shape:r2': { text: 'Hire a contractor', ownerId: 'ada', ownerName: 'Ada' },
        'shape:r1': { text: 'broken', ownerId: 'ada' },
      },
    }
    const records = [
      ...board,
      note('shape:a1', 'Check the contract', page, {
        meta: { action: { ownerId: 'cy', ownerName: 'Cy', due: '2025-05-01' } },
      }),
    ]
    const result = resultOf({ prompt: 'We failed. Why?' }, { data, records })
    expect(result.template).toBe('pre-mortem')
    expect(result.title).toBe('Billing migration')
    expect(result.prompt).toBe('We failed. Why?')
    expect(result.plan).toEqual({ statement: 'Move billing', ownerId: 'bo', ownerName: 'Bo' })
    expect(result.risks.find((r) => r.id === 'shape:r2')?.mitigation).toEqual({
      text: 'Hire a contractor',
      ownerId: 'ada',
      ownerName: 'Ada',
    })
    expect(result.risks.find((r) => r.id === 'shape:r1')?.mitigation).toBeNull()
    expect(result.actions).toEqual([
      {
        shapeId: 'shape:a1',
        text: 'Check the contract',
        ownerId: 'cy',
        ownerName: 'Cy',
        due: '2025-05-01',
        status: 'open',
        id: null,
      },
    ])
    expect(result.participants.map((p) => p.id)).toEqual([ada.id, bo.id, cy.id])
  })

  it('open actions are the mitigations, in register order, then the board’s actions', () => {
    const state = {
      ...stateFor(preMortem, {}, 'close'),
      vote: closedVote({ 'shape:r1': 1, 'shape:r3': 4 }),
    }
    const data = {
      mitigations: {
        'shape:r1': { text: 'Second vendor', ownerId: 'cy', ownerName: 'Cy' },
        'shape:r3': { text: 'Freeze scope', ownerId: 'bo', ownerName: 'Bo' },
      },
    }
    const records = [
      ...board,
      note('shape:a1', 'Tell finance', page, {
        meta: { action: { ownerId: 'ada', ownerName: 'Ada', due: null } },
      }),
    ]
    expect(preMortem.openActions(resultOf({}, { state, data, records }))).toEqual([
      { text: 'Freeze scope', ownerName: 'Bo', due: null },
      { text: 'Second vendor', ownerName: 'Cy', due: null },
      { text: 'Tell finance', ownerName: 'Ada', due: null },
    ])
    expect(preMortem.openActions(resultOf({}, { records: [] }))).toEqual([])
  })
})

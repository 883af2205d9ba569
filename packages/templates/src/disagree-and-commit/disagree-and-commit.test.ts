import type { RoomState } from '@accord/facilitation'
import { describe, expect, it } from 'vitest'
import type { Submission } from '../template.js'
import {
  act,
  ada,
  bo,
  cy,
  members,
  frame,
  note,
  page,
  stateFor,
  vi,
  withData,
  optionsFor,
} from '../testing/fixtures.js'
import { disagreeAndCommit as dac } from './index.js'
import type { DecisionResult } from './result.js'
import { checkStance, isStance, stanceLabel, summarise } from './stances.js'

const options = (given: Record<string, unknown> = {}) => optionsFor(dac, given)

const proposal = {
  title: 'Adopt Postgres',
  context: 'SQLite is at its limits.',
  options: [
    { title: 'Postgres', pros: 'Proven', cons: 'Ops work' },
    { title: 'Stay on SQLite', pros: 'Simple', cons: 'Single writer' },
  ],
  deciderId: 'bo',
}

/** A proposal as stored before it had drivers, people to inform and tags. */
const olderProposal = {
  title: 'Adopt Postgres',
  context: 'SQLite is at its limits.',
  options: proposal.options,
  deciderId: 'bo',
  deciderName: 'Bo',
}

const recorded = { ...olderProposal, drivers: [], informed: [], tags: [] }

/** The workshop in `phase`, with the proposal recorded and `data` on top. */
function at(
  phase: string,
  data: Record<string, unknown> = {},
  given: Record<string, unknown> = {},
) {
  const state = stateFor(dac, given, phase)
  return withData(state, { ...state.workshop?.data, proposal: recorded, ...data })
}

const stances: Submission[] = [
  { memberId: 'bo', value: { value: 4, reason: '' } },
  { memberId: 'cy', value: { value: 1, reason: 'We have no DBA' } },
  { memberId: 'ada', value: { value: 0, reason: 'Migration during launch' } },
]

const revealed = [
  { value: 4, reason: '', memberId: 'bo', name: 'Bo' },
  { value: 1, reason: 'We have no DBA', memberId: 'cy', name: 'Cy' },
  { value: 0, reason: 'Migration during launch', memberId: 'ada', name: 'Ada' },
]

const decision = {
  outcome: 'accepted',
  option: 'Postgres',
  decision: 'We move to Postgres after the launch.',
  rationale: 'Write load doubles next quarter.',
  // Ada blocked (a 0): accepting over it needs this.
  acknowledgment: 'Ada’s block is why the move waits until after the launch.',
}

function resultOf(state: RoomState, given: Record<string, unknown> = {}): DecisionResult {
  return dac.result({
    title: 'Database decision',
    options: options(given),
    state,
    data: state.workshop?.data ?? {},
    records: [],
    members,
  }) as DecisionResult
}

describe('disagree and commit: phases', () => {
  it('proposal, discussion, stances, reveal, decide, commit, close', () => {
    const plan = dac.create(options({ discussionMinutes: 20 }), null)
    expect(plan.phases.map((phase) => phase.id)).toEqual([
      'proposal',
      'discussion',
      'stances',
      'reveal',
      'decide',
      'commit',
      'close',
    ])
    expect(plan.phases.find((p) => p.id === 'discussion')?.timerMinutes).toBe(20)
    expect(plan.phases.find((p) => p.id === 'stances')?.rules.boardEditing).toBe(false)
    expect(plan.data).toEqual({
      proposal: null,
      revisits: null,
      draft: null,
      round: 0,
      proposalChanged: null,
      given: [],
      stances: null,
      decision: null,
      commitments: [],
    })
  })

  it('[rec:DR10] a workshop revisiting a decision starts from its words and says so', () => {
    const revisit = {
      id: 'DR-12',
      title: 'Move the ledger',
      date: '2026-03-03',
      draft: {
        title: 'Move the ledger',
        context: 'Writers wait',
        options: [],
        drivers: [],
        informed: [],
        tags: ['db'],
      },
    }
    const plan = dac.create(optionsFor(dac, {}), null, revisit)
    expect(plan.data).toMatchObject({
      proposal: null,
      revisits: { id: 'DR-12', title: 'Move the ledger', date: '2026-03-03' },
      draft: revisit.draft,
    })
  })

  it('explains the scale in use when stances are given', () => {
    const stancesPhase = (scale: string) =>
      dac.create(options({ scale }), null).phases.find((p) => p.id === 'stances')?.instructions
    expect(stancesPhase('fist-of-five')).toContain('0 = block')
    expect(stancesPhase('agreement')).toContain('disagree but commit')
  })
})

describe('disagree and commit: stances', () => {
  it('[tpl:DC1] fist of five: 0 to 5; a block or a score of 2 or less needs a reason', () => {
    expect(checkStance('fist-of-five', { value: 3, reason: '' })).toEqual({
      ok: true,
      value: { value: 3, reason: '' },
    })
    expect(checkStance('fist-of-five', { value: 5, reason: '' }).ok).toBe(true)
    expect(checkStance('fist-of-five', { value: 0, reason: '' })).toEqual({
      ok: false,
      error: 'a block needs a reason',
    })
    for (const value of [1, 2]) {
      expect(checkStance('fist-of-five', { value, reason: '  ' })).toEqual({
        ok: false,
        error: 'a low score needs a reason',
      })
      expect(checkStance('fist-of-five', { value, reason: 'Too risky' }).ok).toBe(true)
    }
    expect(checkStance('fist-of-five', { value: 0, reason: 'Breaks billing' }).ok).toBe(true)
  })

  it('[tpl:DC1] fist of five: anything but a whole number from 0 to 5 is refused', () => {
    for (const value of [-1, 6, 2.5, Number.NaN, 'agree' as const]) {
      expect(checkStance('fist-of-five', { value, reason: 'why' })).toEqual({
        ok: false,
        error: 'a fist-of-five stance is a whole number from 0 to 5',
      })
    }
  })

  it('[tpl:DC1] agreement: agree, disagree-commit or block; a block needs a reason', () => {
    expect(checkStance('agreement', { value: 'agree', reason: '' }).ok).toBe(true)
    expect(checkStance('agreement', { value: 'disagree-commit', reason: '' }).ok).toBe(true)
    expect(checkStance('agreement', { value: 'block', reason: '' })).toEqual({
      ok: false,
      error: 'a block needs a reason',
    })
    expect(checkStance('agreement', { value: 'block', reason: 'Unsafe' }).ok).toBe(true)
  })

  it('[tpl:DC1] agreement: anything else is refused, including names every object has', () => {
    for (const value of [3, 'maybe', 'toString', 'constructor', '__proto__']) {
      expect(checkStance('agreement', { value: value as never, reason: 'x' })).toEqual({
        ok: false,
        error: 'a stance is agree, disagree-commit or block',
      })
      expect(isStance({ value, reason: 'x' })).toBe(typeof value === 'number')
    }
  })

  it('labels stances on both scales', () => {
    expect(stanceLabel(3)).toBe('3 — Can live with it')
    expect(stanceLabel('disagree-commit')).toBe('Disagree but commit')
  })

  it('[tpl:DC2] summarise fist of five: distribution, mean to one decimal, blocks and dissent', () => {
    const summary = summarise('fist-of-five', [
      { value: 5, reason: '' },
      { value: 4, reason: '' },
      { value: 2, reason: 'Costly' },
      { value: 0, reason: 'Unsafe' },
      { value: 4, reason: '' },
      { value: 3, reason: '' },
    ])
    expect(summary).toEqual({
      count: 6,
      distribution: { '0': 1, '1': 0, '2': 1, '3': 1, '4': 2, '5': 1 },
      average: 3, // 18 / 6
      blocks: 1,
      dissenting: 2,
    })
    expect(
      summarise('fist-of-five', [
        { value: 4, reason: '' },
        { value: 4, reason: '' },
        { value: 3, reason: '' },
      ]).average,
    ).toBe(3.7)
  })

  it('[tpl:DC2] summarise agreement: distribution, no average, blocks and dissent', () => {
    expect(
      summarise('agreement', [
        { value: 'agree', reason: '' },
        { value: 'disagree-commit', reason: '' },
        { value: 'block', reason: 'Unsafe' },
        { value: 'agree', reason: '' },
      ]),
    ).toEqual({
      count: 4,
      distribution: { agree: 2, 'disagree-commit': 1, block: 1 },
      average: null,
      blocks: 1,
      dissenting: 2,
    })
  })

  it('[tpl:DC2] summarise nothing: zero counts, no average', () => {
    expect(summarise('fist-of-five', [])).toEqual({
      count: 0,
      distribution: { '0': 0, '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 },
      average: null,
      blocks: 0,
      dissenting: 0,
    })
  })
})

describe('disagree and commit: the proposal', () => {
  it('proposal.set records the proposal and who decides, by name', () => {
    const state = stateFor(dac, {}, 'proposal')
    const set = act(dac, state, 'proposal.set', proposal)
    if (!set.ok) throw new Error(set.error)
    expect(set.value.data?.proposal).toEqual(recorded)
    const minimal = act(dac, state, 'proposal.set', { title: 'Go', deciderId: 'ada' })
    if (!minimal.ok) throw new Error(minimal.error)
    expect(minimal.value.data?.proposal).toEqual({
      title: 'Go',
      context: '',
      options: [],
      drivers: [],
      informed: [],
      tags: [],
      deciderId: 'ada',
      deciderName: 'Ada',
    })
  })

  it('proposal.set records the decision drivers, who to inform and tags (trimmed, each once)', () => {
    const state = stateFor(dac, {}, 'proposal')
    const set = act(dac, state, 'proposal.set', {
      ...proposal,
      drivers: [' Month-end writes finish within the hour ', 'Two people can operate it'],
      informed: ['Finance', ' Support team '],
      tags: [' database ', 'ledger', 'Database', 'ledger ', 'Ops'],
    })
    if (!set.ok) throw new Error(set.error)
    expect(set.value.data?.proposal).toEqual({
      ...recorded,
      drivers: ['Month-end writes finish within the hour', 'Two people can operate it'],
      informed: ['Finance', 'Support team'],
      tags: ['database', 'ledger', 'Ops'],
    })
  })

  it('proposal.set bounds the drivers, who to inform and the tags', () => {
    const state = stateFor(dac, {}, 'proposal')
    const refused = (patch: Record<string, unknown>) =>
      act(dac, state, 'proposal.set', { ...proposal, ...patch })
    const n = (count: number, text: (i: number) => string) =>
      Array.from({ length: count }, (_, i) => text(i))

    expect(refused({ drivers: n(10, (i) => `Driver ${i}`) }).ok).toBe(true)
    expect(refused({ drivers: n(11, (i) => `Driver ${i}`) })).toMatchObject({
      ok: false,
      invalid: true,
      error: 'drivers: at most 10 decision drivers',
    })
    expect(refused({ drivers: ['x'.repeat(200)] }).ok).toBe(true)
    expect(refused({ drivers: ['x'.repeat(201)] })).toMatchObject({
      ok: false,
      error: 'drivers.0: must be at most 200 characters',
    })
    expect(refused({ drivers: ['Fast', ' '] })).toMatchObject({
      ok: false,
      error: 'drivers.1: must not be empty',
    })
    expect(refused({ drivers: ['two\nlines'] })).toMatchObject({
      ok: false,
      error: 'drivers.0: must not contain control characters',
    })

    expect(refused({ informed: n(30, (i) => `Team ${i}`) }).ok).toBe(true)
    expect(refused({ informed: n(31, (i) => `Team ${i}`) })).toMatchObject({
      ok: false,
      error: 'informed: at most 30 people to inform',
    })
    expect(refused({ informed: ['x'.repeat(81)] })).toMatchObject({
      ok: false,
      error: 'informed.0: must be at most 80 characters',
    })

    expect(refused({ tags: n(10, (i) => `tag-${i}`) }).ok).toBe(true)
    expect(refused({ tags: n(11, (i) => `tag-${i}`) })).toMatchObject({
      ok: false,
      error: 'tags: at most 10 tags',
    })
    expect(refused({ tags: ['x'.repeat(40)] }).ok).toBe(true)
    expect(refused({ tags: ['x'.repeat(41)] })).toMatchObject({
      ok: false,
      error: 'tags.0: must be at most 40 characters',
    })
    expect(refused({ tags: [''] })).toMatchObject({ ok: false, error: 'tags.0: must not be empty' })
    expect(refused({ tags: 'database' })).toMatchObject({ ok: false, invalid: true })
  })

  it('proposal.set refuses a decider who is a viewer or not in the room', () => {
    const state = stateFor(dac, {}, 'proposal')
    for (const deciderId of [vi.id, 'ghost']) {
      expect(act(dac, state, 'proposal.set', { ...proposal, deciderId })).toEqual({
        ok: false,
        error: 'the decider must be someone in the room',
      })
    }
  })

  it('proposal.set refuses a missing title and more than 10 options', () => {
    const state = stateFor(dac, {}, 'proposal')
    expect(act(dac, state, 'proposal.set', { ...proposal, title: ' ' })).toMatchObject({
      ok: false,
      invalid: true,
      error: 'title: must not be empty',
    })
    const many = Array.from({ length: 11 }, (_, i) => ({ title: `Option ${i}` }))
    expect(act(dac, state, 'proposal.set', { ...proposal, options: many })).toMatchObject({
      ok: false,
      error: 'options: at most 10 options',
    })
  })

  it('proposal.set is refused once the stances are revealed', () => {
    expect(act(dac, at('reveal', { stances: revealed }), 'proposal.set', proposal)).toEqual({
      ok: false,
      error: 'the stances are revealed; the proposal can no longer change',
    })
  })
})

describe('disagree and commit: a proposal changed after stances were given', () => {
  const newWording = { ...proposal, title: 'Adopt Postgres next quarter' }

  it('[tpl:DC5] sets the stances given aside: a new round, nobody listed, a notice for everyone', () => {
    const stancesGiven = at('stances', { given: [{ memberId: 'cy', name: 'Cy' }] })
    const changed = act(dac, stancesGiven, 'proposal.set', newWording, { actor: ada, now: 777 })
    if (!changed.ok) throw new Error(changed.error)
    expect(changed.value.data).toMatchObject({
      proposal: { title: 'Adopt Postgres next quarter' },
      round: 1,
      given: [],
      proposalChanged: { at: 777, byName: 'Ada', setAside: 1 },
    })
    // Before anyone gave a stance, a change is only a change.
    const early = act(dac, at('stances'), 'proposal.set', newWording, { actor: ada })
    expect(early.ok && early.value.data).toMatchObject({ round: 0, proposalChanged: null })
  })

  it('[tpl:DC5] a stance is given on the current round; the reveal counts only that round’s', () => {
    const second = at('stances', { round: 1, given: [{ memberId: 'bo', name: 'Bo' }] })
    const given = act(dac, second, 'stance.give', { stance: 4 }, { actor: bo })
    expect(given).toMatchObject({ ok: true, value: { submit: { value: 4, round: 1 } } })
    const submissions: Submission[] = [
      { memberId: 'cy', value: { value: 0, reason: 'On the old wording' } }, // round 0
      { memberId: 'bo', value: { value: 4, reason: '', round: 1 } },
    ]
    const revealedNow = act(dac, at('reveal', { round: 1 }), 'stances.reveal', {}, { submissions })
    expect(revealedNow.ok && revealedNow.value.data?.stances).toEqual([
      { value: 4, reason: '', memberId: 'bo', name: 'Bo' },
    ])
    // Only old-round stances: nothing to reveal yet.
    expect(act(dac, at('reveal', { round: 2 }), 'stances.reveal', {}, { submissions })).toEqual({
      ok: false,
      error: 'nobody has given a stance yet',
    })
  })
})

describe('disagree and commit: giving stances', () => {
  it('[tpl:DC1] stance.give keeps the stance hidden: the data only lists who gave one', () => {
    const given = act(
      dac,
      at('stances'),
      'stance.give',
      { stance: 1, reason: ' No DBA ' },
      {
        actor: cy,
      },
    )
    expect(given).toEqual({
      ok: true,
      value: {
        data: {
          proposal: recorded,
          revisits: null,
          draft: null,
          round: 0,
          proposalChanged: null,
          given: [{ memberId: 'cy', name: 'Cy' }],
          stances: null,
          decision: null,
          commitments: [],
        },
        // Given on the proposal's first wording (round 0).
        submit: { value: 1, reason: 'No DBA', round: 0 },
      },
    })
    expect(JSON.stringify(given.ok && given.value.data)).not.toContain('No DBA')
  })

  it('[tpl:DC1] stance.give can change a stance until the reveal, listing the person once', () => {
    const first = act(dac, at('stances'), 'stance.give', { stance: 3 }, { actor: bo })
    if (!first.ok) throw new Error(first.error)
    const state = withData(at('stances'), first.value.data)
    const changed = act(dac, state, 'stance.give', { stance: 5 }, { actor: bo })
    expect(changed).toMatchObject({
      ok: true,
      value: { data: { given: [{ memberId: 'bo', name: 'Bo' }] }, submit: { value: 5 } },
    })
    const other = act(dac, state, 'stance.give', { stance: 'x', reason: '' }, { actor: cy })
    expect(other).toEqual({
      ok: false,
      error: 'a fist-of-five stance is a whole number from 0 to 5',
    })
  })

  it('[tpl:DC1] stance.give checks the stance against the room’s scale', () => {
    const agreement = at('stances', {}, { scale: 'agreement' })
    expect(act(dac, agreement, 'stance.give', { stance: 'block' })).toEqual({
      ok: false,
      error: 'a block needs a reason',
    })
    expect(act(dac, agreement, 'stance.give', { stance: 'constructor' })).toEqual({
      ok: false,
      error: 'a stance is agree, disagree-commit or block',
    })
    expect(
      act(dac, agreement, 'stance.give', { stance: 'disagree-commit' }, { actor: cy }),
    ).toMatchObject({ ok: true, value: { submit: { value: 'disagree-commit', reason: '' } } })
    expect(act(dac, at('stances'), 'stance.give', { stance: 2 })).toEqual({
      ok: false,
      error: 'a low score needs a reason',
    })
    expect(act(dac, at('stances'), 'stance.give', { stance: true })).toMatchObject({
      ok: false,
      invalid: true,
    })
  })

  it('[tpl:DC1] stance.give is refused outside the stances phase, before a proposal or after reveal', () => {
    for (const phase of ['discussion', 'reveal', 'decide']) {
      expect(act(dac, at(phase), 'stance.give', { stance: 4 })).toEqual({
        ok: false,
        error: 'stances are given in the stances phase',
      })
    }
    expect(act(dac, stateFor(dac, {}, 'stances'), 'stance.give', { stance: 4 })).toEqual({
      ok: false,
      error: 'there is no proposal yet',
    })
    expect(act(dac, at('stances', { stances: revealed }), 'stance.give', { stance: 4 })).toEqual({
      ok: false,
      error: 'the stances are already revealed',
    })
  })
})

describe('disagree and commit: revealing stances', () => {
  it('stances.reveal shows everyone’s stance with their name, in submission order', () => {
    const shown = act(dac, at('reveal'), 'stances.reveal', {}, { submissions: stances })
    if (!shown.ok) throw new Error(shown.error)
    expect(shown.value.data?.stances).toEqual(revealed)
  })

  it('stances.reveal in an anonymous room drops names and shuffles with the injected random', () => {
    const anonymous = at('reveal', {}, { anonymous: true })
    expect(anonymous.settings.anonymous).toBe(true)
    const shown = act(
      dac,
      anonymous,
      'stances.reveal',
      {},
      {
        submissions: stances,
        random: () => 0,
      },
    )
    if (!shown.ok) throw new Error(shown.error)
    // Fisher–Yates always picking the first: [bo, cy, ada] → [ada, cy, bo] → [cy, ada, bo].
    expect(shown.value.data?.stances).toEqual([
      { value: 1, reason: 'We have no DBA', memberId: null, name: null },
      { value: 0, reason: 'Migration during launch', memberId: null, name: null },
      { value: 4, reason: '', memberId: null, name: null },
    ])
    expect(JSON.stringify(shown.value.data?.stances)).not.toMatch(/"(bo|cy|ada|Bo|Cy|Ada)"/)
  })

  it('stances.reveal ignores malformed submissions and names unknown people “Someone”', () => {
    const shown = act(
      dac,
      at('stances'),
      'stances.reveal',
      {},
      {
        submissions: [
          { memberId: 'gone', value: { value: 3, reason: '' } },
          { memberId: 'bo', value: 'junk' },
          { memberId: 'cy', value: { value: 'maybe', reason: '' } },
        ],
      },
    )
    expect(shown).toMatchObject({
      ok: true,
      value: { data: { stances: [{ value: 3, reason: '', memberId: 'gone', name: 'Someone' }] } },
    })
  })

  it('stances.reveal is refused with no stances, twice, or before the stances phase', () => {
    expect(act(dac, at('reveal'), 'stances.reveal', {}, { submissions: [] })).toEqual({
      ok: false,
      error: 'nobody has given a stance yet',
    })
    expect(
      act(dac, at('reveal', { stances: revealed }), 'stances.reveal', {}, { submissions: stances }),
    ).toEqual({ ok: false, error: 'the stances are already revealed' })
    expect(act(dac, at('discussion'), 'stances.reveal', {}, { submissions: stances })).toEqual({
      ok: false,
      error: 'stances are revealed in the reveal phase',
    })
  })
})

describe('disagree and commit: the decision', () => {
  const decide = at('decide', { stances: revealed })

  it('[tpl:DC3] decision.record keeps the decider’s outcome and rationale, and resets commitments', () => {
    const state = withData(decide, {
      ...decide.workshop?.data,
      commitments: [{ memberId: 'cy', name: 'Cy', at: 5 }],
    })
    const done = act(dac, state, 'decision.record', decision, { actor: bo, now: 4242 })
    if (!done.ok) throw new Error(done.error)
    expect(done.value.data).toMatchObject({
      decision: {
        outcome: 'accepted',
        option: 'Postgres',
        text: 'We move to Postgres after the launch.',
        rationale: 'Write load doubles next quarter.',
        consequences: '',
        acknowledgment: 'Ada’s block is why the move waits until after the launch.',
        deciderId: 'bo',
        deciderName: 'Bo',
        at: 4242,
      },
      commitments: [],
    })
    const none = act(dac, decide, 'decision.record', { ...decision, option: '' }, { actor: bo })
    expect(none.ok && (none.value.data?.decision as { option: unknown }).option).toBeNull()
  })

  it('[tpl:DC3] decision.record keeps the consequences, lines and all, trimmed and bounded', () => {
    const consequences = ' Good: month-end closes in minutes.\nBad: we run PostgreSQL ourselves. '
    const done = act(dac, decide, 'decision.record', { ...decision, consequences }, { actor: bo })
    expect(done).toMatchObject({
      ok: true,
      value: { data: { decision: { consequences: consequences.trim() } } },
    })
    const long = { ...decision, consequences: 'x'.repeat(4001) }
    expect(act(dac, decide, 'decision.record', long, { actor: bo })).toMatchObject({
      ok: false,
      invalid: true,
      error: 'consequences: must be at most 4000 characters',
    })
  })

  it('[tpl:DC4] accepting over a block (or a 0) needs an acknowledgment, kept with the decision', () => {
    const { acknowledgment: _none, ...unacknowledged } = decision
    for (const given of [unacknowledged, { ...decision, acknowledgment: '   ' }])
      expect(act(dac, decide, 'decision.record', given, { actor: bo })).toEqual({
        ok: false,
        error: 'accepting over a block needs an acknowledgment: say how the block was heard',
      })
    // Rejecting over a block, or accepting with none, needs no acknowledgment (and keeps none).
    const rejected = act(
      dac,
      decide,
      'decision.record',
      { ...unacknowledged, outcome: 'rejected' },
      { actor: bo },
    )
    expect(rejected).toMatchObject({
      ok: true,
      value: { data: { decision: { acknowledgment: '' } } },
    })
    const agreed = at('decide', { stances: revealed.filter((s) => s.value !== 0) })
    const noBlock = act(dac, agreed, 'decision.record', decision, { actor: bo })
    expect(noBlock).toMatchObject({
      ok: true,
      value: { data: { decision: { acknowledgment: '' } } },
    })
    // On the agreement scale, a block is a block too.
    const blocked = at('decide', {
      stances: [{ value: 'block', reason: 'No', memberId: 'cy', name: 'Cy' }],
    })
    expect(act(dac, blocked, 'decision.record', unacknowledged, { actor: bo })).toMatchObject({
      ok: false,
    })
  })

  it('[tpl:DC3] decision.record is only for the decider', () => {
    for (const actor of [ada, cy]) {
      expect(act(dac, decide, 'decision.record', decision, { actor })).toEqual({
        ok: false,
        error: 'only Bo, who decides, records the decision',
      })
    }
  })

  it('[tpl:DC3] decision.record waits for the reveal and the decide phase', () => {
    expect(act(dac, at('decide'), 'decision.record', decision, { actor: bo })).toEqual({
      ok: false,
      error: 'reveal the stances before deciding',
    })
    expect(
      act(dac, at('commit', { stances: revealed }), 'decision.record', decision, { actor: bo }),
    ).toEqual({ ok: false, error: 'the decision is recorded in the decide phase' })
    expect(
      act(dac, at('reveal', { stances: revealed }), 'decision.record', decision, { actor: bo }).ok,
    ).toBe(true)
    expect(
      act(dac, stateFor(dac, {}, 'decide'), 'decision.record', decision, { actor: bo }),
    ).toEqual({ ok: false, error: 'there is no proposal yet' })
  })

  it('[tpl:DC3] decision.record refuses an option that was not considered, and a missing rationale', () => {
    expect(
      act(dac, decide, 'decision.record', { ...decision, option: 'MongoDB' }, { actor: bo }),
    ).toEqual({ ok: false, error: 'the chosen option is not one of the options considered' })
    expect(
      act(dac, decide, 'decision.record', { ...decision, rationale: '' }, { actor: bo }),
    ).toMatchObject({ ok: false, invalid: true, error: 'rationale: must not be empty' })
    expect(
      act(dac, decide, 'decision.record', { ...decision, outcome: 'maybe' }, { actor: bo }),
    ).toMatchObject({ ok: false, invalid: true })
  })
})

describe('disagree and commit: commitments', () => {
  const made = {
    outcome: 'accepted',
    option: 'Postgres',
    text: 'We move to Postgres.',
    rationale: 'Load.',
    deciderId: 'bo',
    deciderName: 'Bo',
    at: 10,
  }

  it('[tpl:DC3] commit records each person’s commitment once, whatever their stance', () => {
    const state = at('commit', { stances: revealed, decision: made })
    const first = act(dac, state, 'commit', {}, { actor: cy, now: 20 })
    if (!first.ok) throw new Error(first.error)
    expect(first.value.data?.commitments).toEqual([{ memberId: 'cy', name: 'Cy', at: 20 }])
    const next = withData(state, first.value.data)
    expect(act(dac, next, 'commit', {}, { actor: cy })).toEqual({
      ok: false,
      error: 'you have already committed',
    })
    const second = act(dac, next, 'commit', {}, { actor: ada, now: 30 })
    expect(second.ok && second.value.data?.commitments).toEqual([
      { memberId: 'cy', name: 'Cy', at: 20 },
      { memberId: 'ada', name: 'Ada', at: 30 },
    ])
  })

  it('[tpl:DC3] commit is refused before a decision or before the commit phase', () => {
    expect(act(dac, at('commit', { stances: revealed }), 'commit', {})).toEqual({
      ok: false,
      error: 'there is no decision to commit to yet',
    })
    expect(act(dac, at('decide', { stances: revealed, decision: made }), 'commit', {})).toEqual({
      ok: false,
      error: 'commitments are made in the commit phase',
    })
    expect(act(dac, at('close', { stances: revealed, decision: made }), 'commit', {}).ok).toBe(true)
  })
})

describe('disagree and commit: result', () => {
  const made = {
    outcome: 'accepted',
    option: 'Postgres',
    text: 'We move to Postgres.',
    rationale: 'Load.',
    deciderId: 'bo',
    deciderName: 'Bo',
    at: 10,
  }

  it('[tpl:DC3] keeps the dissent in the dissenters’ own words, named, and who has not committed', () => {
    const state = at('close', {
      stances: revealed,
      decision: made,
      commitments: [{ memberId: 'cy', name: 'Cy', at: 20 }],
    })
    const result = resultOf(state)
    expect(result.template).toBe('disagree-and-commit')
    expect(result.title).toBe('Adopt Postgres')
    expect(result.proposal).toEqual(recorded)
    expect(result.anonymous).toBe(false)
    expect(result.stances).toEqual(revealed)
    expect(result.dissent).toEqual([
      { value: 1, reason: 'We have no DBA', memberId: 'cy', name: 'Cy' },
      { value: 0, reason: 'Migration during launch', memberId: 'ada', name: 'Ada' },
    ])
    expect(result.summary).toMatchObject({ count: 3, blocks: 1, dissenting: 2, average: 1.7 })
    expect(result.decision).toEqual({ ...made, consequences: '', acknowledgment: '' })
    expect(result.commitments).toEqual([{ memberId: 'cy', name: 'Cy', at: 20 }])
    expect(result.notCommitted).toEqual([
      { id: 'ada', name: 'Ada' },
      { id: 'bo', name: 'Bo' },
    ])
    expect(result.participants.map((p) => p.id)).not.toContain(vi.id)
  })

  it('[tpl:DC3] carries the drivers, who to inform, tags and consequences', () => {
    const proposed = {
      ...recorded,
      drivers: ['Month-end writes finish within the hour'],
      informed: ['Finance'],
      tags: ['ledger'],
    }
    const decided = {
      ...made,
      consequences: 'We run PostgreSQL ourselves.',
      acknowledgment: 'Ada’s block is why it waits.',
    }
    const result = resultOf(
      at('close', { proposal: proposed, stances: revealed, decision: decided }),
    )
    expect(result.proposal).toEqual(proposed)
    expect(result.decision).toEqual(decided)
  })

  it('[tpl:DC3] reads data stored before drivers, informed, tags and consequences as empty', () => {
    const result = resultOf(
      at('close', { proposal: olderProposal, stances: revealed, decision: made }),
    )
    expect(result.proposal).toEqual(recorded)
    expect(result.proposal).toMatchObject({ drivers: [], informed: [], tags: [] })
    expect(result.decision?.consequences).toBe('')
    // Entries that are not text are left out; a list that is not one reads as none.
    const odd = resultOf(
      at('close', {
        proposal: { ...olderProposal, drivers: ['Fast', 3, null], informed: 'Finance', tags: {} },
        stances: revealed,
        decision: { ...made, consequences: 42 },
      }),
    )
    expect(odd.proposal).toMatchObject({ drivers: ['Fast'], informed: [], tags: [] })
    expect(odd.decision?.consequences).toBe('')
  })

  it('[tpl:DC3] disagree-but-commit is dissent; anonymous dissent carries no names', () => {
    const anonymous = [
      { value: 'agree', reason: '', memberId: null, name: null },
      { value: 'disagree-commit', reason: 'Too soon', memberId: null, name: null },
    ]
    const given = { scale: 'agreement', anonymous: true }
    const result = resultOf(at('reveal', { stances: anonymous }, given), given)
    expect(result.anonymous).toBe(true)
    expect(result.scale).toBe('agreement')
    expect(result.dissent).toEqual([
      { value: 'disagree-commit', reason: 'Too soon', memberId: null, name: null },
    ])
    expect(result.summary?.distribution).toEqual({ agree: 1, 'disagree-commit': 1, block: 0 })
  })

  it('[tpl:DC3] before the reveal: no stances, no summary; everyone still to commit', () => {
    const result = resultOf(stateFor(dac, {}, 'proposal'))
    expect(result.title).toBe('Database decision')
    expect(result.proposal).toBeNull()
    expect(result.stances).toEqual([])
    expect(result.summary).toBeNull()
    expect(result.decision).toBeNull()
    expect(result.notCommitted.map((p) => p.id)).toEqual(['ada', 'bo', 'cy'])
  })

  it('open actions are the board’s action items', () => {
    const result = dac.result({
      title: 'Database decision',
      options: options(),
      state: at('close'),
      data: at('close').workshop?.data ?? {},
      records: [
        note('shape:a1', 'Plan the migration', page, {
          meta: { action: { ownerId: 'bo', ownerName: 'Bo', due: '2025-07-01' } },
        }),
      ],
      members,
    })
    expect(dac.openActions(result)).toEqual([
      { text: 'Plan the migration', ownerName: 'Bo', due: '2025-07-01' },
    ])
  })

  it('[tpl:DC7] the questions and concerns raised on the board are part of the result', () => {
    const result = dac.result({
      title: 'Database decision',
      options: options(),
      state: at('close'),
      data: at('close').workshop?.data ?? {},
      records: [
        frame('shape:concerns', 'Questions and concerns', { region: 'concerns', x: 1000 }),
        frame('shape:proposal', 'Proposal', { region: 'proposal' }),
        note('shape:c2', 'Who is on call?', 'shape:concerns', { y: 200 }),
        note('shape:c1', 'Backups?', 'shape:concerns', { y: 100 }),
        note('shape:p1', 'Not a concern', 'shape:proposal'),
      ],
      members,
    })
    expect(result.concerns).toEqual([
      { id: 'shape:c1', text: 'Backups?' },
      { id: 'shape:c2', text: 'Who is on call?' },
    ])
    expect(dac.resultSchema.parse({ ...result, concerns: undefined }).concerns).toEqual([])
  })
})

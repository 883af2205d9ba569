import type { DecisionResult } from '@accord/templates'
import { describe, expect, it } from 'vitest'
import {
  activeSection,
  decisionCommand,
  decisionDraft,
  decisionView,
  distributionBars,
  givenStances,
  namesList,
  proposalCommand,
  proposalDraft,
  readOwnStance,
  reasonRequired,
  scaleOf,
  stanceAuthor,
  stanceChoices,
  stanceCommand,
} from './decision-view'

const proposal = {
  title: 'Adopt Postgres',
  context: 'SQLite is at its limits.',
  options: [{ title: 'Postgres', pros: 'Proven', cons: 'Ops work' }],
  drivers: ['Writes keep up at month end', 'Two people can operate it'],
  informed: ['Finance', 'Support'],
  tags: ['database', 'ledger'],
  deciderId: 'bo',
  deciderName: 'Bo',
}

const decision = {
  outcome: 'accepted' as const,
  option: 'Postgres',
  text: 'We move.',
  rationale: 'Load.',
  consequences: 'We run it ourselves.',
  acknowledgment: '',
  deciderId: 'bo',
  deciderName: 'Bo',
  at: 10,
}

const people = [
  { id: 'faye', name: 'Faye', role: 'facilitator' },
  { id: 'bo', name: 'Bo', role: 'participant' },
  { id: 'cy', name: 'Cy', role: 'participant' },
]

function result(patch: Partial<DecisionResult> = {}): DecisionResult {
  return {
    template: 'disagree-and-commit',
    title: 'Adopt Postgres',
    scale: 'fist-of-five',
    anonymous: false,
    proposal,
    stances: [],
    summary: null,
    dissent: [],
    decision: null,
    commitments: [],
    notCommitted: people.map(({ id, name }) => ({ id, name })),
    concerns: [],
    revisits: null,
    actions: [],
    participants: people,
    ...patch,
  }
}

const summary = {
  count: 3,
  distribution: { '0': 0, '1': 1, '2': 0, '3': 0, '4': 1, '5': 1 },
  average: 3.3,
  blocks: 0,
  dissenting: 1,
}

const faye = { id: 'faye', role: 'facilitator' as const }
const bo = { id: 'bo', role: 'participant' as const }
const cy = { id: 'cy', role: 'participant' as const }
const vic = { id: 'vic', role: 'viewer' as const }

const viewOf = (
  phaseId: string,
  self: typeof faye | typeof bo | typeof vic,
  patch: Partial<DecisionResult> = {},
  given: { memberId: string; name: string }[] = [],
) =>
  decisionView({
    phaseId,
    self,
    facilitates: self.role === 'facilitator',
    result: result(patch),
    given,
  })

describe('decision panel: who sees which controls', () => {
  it('only the facilitator edits the proposal, until the stances are revealed', () => {
    expect(viewOf('proposal', faye).editProposal).toBe(true)
    expect(viewOf('proposal', bo).editProposal).toBe(false)
    expect(viewOf('discussion', faye).editProposal).toBe(true)
    const revealed = viewOf('reveal', faye, { summary })
    expect(revealed.editProposal).toBe(false)
    expect(revealed.proposalLocked).toBe(true)
  })

  it('folds the options considered away once the discussion is over', () => {
    expect(viewOf('proposal', bo).compactProposal).toBe(false)
    expect(viewOf('discussion', bo).compactProposal).toBe(false)
    expect(viewOf('stances', bo).compactProposal).toBe(true)
    expect(viewOf('commit', bo).compactProposal).toBe(true)
  })

  it('stances are given in the stances phase, by participants and facilitators, not viewers', () => {
    expect(viewOf('stances', bo).giveStance).toBe(true)
    expect(viewOf('stances', faye).giveStance).toBe(true)
    expect(viewOf('stances', vic).giveStance).toBe(false)
    expect(viewOf('discussion', bo).giveStance).toBe(false)
    expect(viewOf('stances', bo, { proposal: null }).giveStance).toBe(false)
    expect(viewOf('stances', bo, { summary }).giveStance).toBe(false)
    expect(viewOf('discussion', bo).showStances).toBe(false)
    expect(viewOf('stances', bo).showStances).toBe(true)
  })

  it('knows whether this person has given a stance, from the public list of who has', () => {
    const given = [{ memberId: 'bo', name: 'Bo' }]
    expect(viewOf('stances', bo, {}, given).hasGiven).toBe(true)
    expect(viewOf('stances', cy, {}, given).hasGiven).toBe(false)
  })

  it('the facilitator reveals in the stances or reveal phase, once', () => {
    expect(viewOf('stances', faye).revealStances).toBe(true)
    expect(viewOf('reveal', faye).revealStances).toBe(true)
    expect(viewOf('reveal', bo).revealStances).toBe(false)
    expect(viewOf('discussion', faye).revealStances).toBe(false)
    expect(viewOf('reveal', faye, { summary }).revealStances).toBe(false)
  })

  it('only the decider records the decision, after the reveal', () => {
    expect(viewOf('decide', bo, { summary }).recordDecision).toBe(true)
    expect(viewOf('decide', bo, { summary }).isDecider).toBe(true)
    expect(viewOf('decide', faye, { summary }).recordDecision).toBe(false)
    expect(viewOf('decide', cy, { summary }).recordDecision).toBe(false)
    expect(viewOf('decide', bo).recordDecision).toBe(false) // not revealed yet
    expect(viewOf('commit', bo, { summary }).recordDecision).toBe(false)
    expect(viewOf('decide', cy, { summary }).showDecision).toBe(true)
    expect(viewOf('reveal', cy, { summary }).showDecision).toBe(false)
  })

  it('everyone taking part commits once, in the commit phase, to a recorded decision', () => {
    const decided = { summary, decision }
    expect(viewOf('commit', cy, decided).commit).toBe(true)
    expect(viewOf('commit', faye, decided).commit).toBe(true)
    expect(viewOf('commit', vic, decided).commit).toBe(false)
    expect(viewOf('decide', cy, decided).commit).toBe(false)
    expect(viewOf('commit', cy, { summary }).commit).toBe(false)
    const committed = viewOf('commit', cy, {
      ...decided,
      commitments: [{ memberId: 'cy', name: 'Cy', at: 1 }],
    })
    expect(committed.commit).toBe(false)
    expect(committed.hasCommitted).toBe(true)
    expect(viewOf('commit', vic, decided).showCommitments).toBe(true)
    expect(viewOf('decide', vic, decided).showCommitments).toBe(false)
  })
})

describe('decision panel: the section the phase is about', () => {
  it('maps each phase to the section brought into view', () => {
    expect(
      ['proposal', 'discussion', 'stances', 'reveal', 'decide', 'commit', 'close', 'x'].map(
        activeSection,
      ),
    ).toEqual([
      'proposal',
      'proposal',
      'stances',
      'stances',
      'decision',
      'commitments',
      'commitments',
      null,
    ])
  })
})

describe('decision panel: the proposal form', () => {
  it('becomes proposal.set, trimmed, with empty option rows dropped', () => {
    expect(
      proposalCommand({
        title: ' Adopt Postgres ',
        context: ' Limits ',
        drivers: '',
        options: [
          { title: 'Postgres', pros: ' Proven ', cons: '' },
          { title: ' ', pros: '', cons: '' },
        ],
        deciderId: 'bo',
        informed: '',
        tags: '',
      }),
    ).toEqual({
      ok: true,
      command: {
        type: 'proposal.set',
        title: 'Adopt Postgres',
        context: 'Limits',
        drivers: [],
        options: [{ title: 'Postgres', pros: 'Proven', cons: '' }],
        deciderId: 'bo',
        informed: [],
        tags: [],
      },
    })
  })

  it('drivers are one per line; people to inform and tags are separated by commas', () => {
    const outcome = proposalCommand({
      title: 'Go',
      context: '',
      drivers: ' Writes keep up at month end \n\n Two people can operate it, at night \n',
      options: [],
      deciderId: 'bo',
      informed: ' Finance ,, Support team, Finance ',
      tags: ' database, Ledger ,ledger, , DATABASE ,ops',
    })
    expect(outcome).toEqual({
      ok: true,
      command: expect.objectContaining({
        drivers: ['Writes keep up at month end', 'Two people can operate it, at night'],
        informed: ['Finance', 'Support team'],
        tags: ['database', 'Ledger', 'ops'],
      }),
    })
  })

  it('keeps drivers, people to inform and tags within what the room accepts', () => {
    const draft = {
      title: 'Go',
      context: '',
      drivers: '',
      options: [],
      deciderId: 'bo',
      informed: '',
      tags: '',
    }
    const lines = (count: number, join: string) =>
      Array.from({ length: count }, (_, i) => `item ${i}`).join(join)
    expect(proposalCommand({ ...draft, drivers: lines(10, '\n') }).ok).toBe(true)
    expect(proposalCommand({ ...draft, drivers: lines(11, '\n') })).toEqual({
      ok: false,
      error: 'At most 10 decision drivers.',
    })
    expect(proposalCommand({ ...draft, drivers: 'x'.repeat(201) })).toEqual({
      ok: false,
      error: 'A decision driver is at most 200 characters.',
    })
    expect(proposalCommand({ ...draft, informed: lines(30, ', ') }).ok).toBe(true)
    expect(proposalCommand({ ...draft, informed: lines(31, ', ') })).toEqual({
      ok: false,
      error: 'At most 30 people to inform.',
    })
    expect(proposalCommand({ ...draft, informed: 'x'.repeat(81) })).toEqual({
      ok: false,
      error: 'A name to inform is at most 80 characters.',
    })
    expect(proposalCommand({ ...draft, tags: lines(11, ',') })).toEqual({
      ok: false,
      error: 'At most 10 tags.',
    })
    expect(proposalCommand({ ...draft, tags: 'x'.repeat(41) })).toEqual({
      ok: false,
      error: 'A tag is at most 40 characters.',
    })
  })

  it('asks for a title, a decider, and a name for every option with pros or cons', () => {
    const draft = {
      title: 'Go',
      context: '',
      drivers: '',
      options: [],
      deciderId: 'bo',
      informed: '',
      tags: '',
    }
    expect(proposalCommand({ ...draft, title: ' ' })).toEqual({
      ok: false,
      error: 'Give the proposal a title.',
    })
    expect(proposalCommand({ ...draft, deciderId: '' })).toEqual({
      ok: false,
      error: 'Choose who decides.',
    })
    expect(
      proposalCommand({ ...draft, options: [{ title: '', pros: 'Cheap', cons: '' }] }),
    ).toEqual({ ok: false, error: 'Every option considered needs a name.' })
    const many = Array.from({ length: 11 }, (_, i) => ({ title: `O${i}`, pros: '', cons: '' }))
    expect(proposalCommand({ ...draft, options: many }).ok).toBe(false)
  })

  it('starts from the recorded proposal, or empty', () => {
    expect(proposalDraft(proposal)).toEqual({
      title: 'Adopt Postgres',
      context: 'SQLite is at its limits.',
      drivers: 'Writes keep up at month end\nTwo people can operate it',
      options: [{ title: 'Postgres', pros: 'Proven', cons: 'Ops work' }],
      deciderId: 'bo',
      informed: 'Finance, Support',
      tags: 'database, ledger',
    })
    expect(proposalDraft(null)).toEqual({
      title: '',
      context: '',
      drivers: '',
      options: [],
      deciderId: '',
      informed: '',
      tags: '',
    })
  })
})

describe('decision panel: stances', () => {
  it('offers the room’s scale', () => {
    expect(scaleOf({ scale: 'agreement' })).toBe('agreement')
    expect(scaleOf({})).toBe('fist-of-five')
    expect(scaleOf(undefined)).toBe('fist-of-five')
    expect(stanceChoices('fist-of-five').map((c) => c.value)).toEqual([0, 1, 2, 3, 4, 5])
    expect(stanceChoices('fist-of-five')[3]?.label).toBe('3 — Can live with it')
    expect(stanceChoices('agreement')).toEqual([
      { value: 'agree', label: 'Agree' },
      { value: 'disagree-commit', label: 'Disagree but commit' },
      { value: 'block', label: 'Block' },
    ])
  })

  it('a block or a low score needs a reason', () => {
    expect(reasonRequired(null)).toBe(false)
    expect(reasonRequired(3)).toBe(false)
    expect(reasonRequired(2)).toBe(true)
    expect(reasonRequired('block')).toBe(true)
    expect(reasonRequired('disagree-commit')).toBe(false)
    expect(stanceCommand(1, '  ')).toEqual({ ok: false, error: 'A low score needs a reason.' })
    expect(stanceCommand(0, '')).toEqual({ ok: false, error: 'A block needs a reason.' })
    expect(stanceCommand('block', '')).toEqual({ ok: false, error: 'A block needs a reason.' })
    expect(stanceCommand(null, '')).toEqual({ ok: false, error: 'Choose your stance.' })
  })

  it('becomes stance.give with the reason trimmed', () => {
    expect(stanceCommand(1, ' No DBA ')).toEqual({
      ok: true,
      command: { type: 'stance.give', stance: 1, reason: 'No DBA' },
    })
    expect(stanceCommand('agree', '')).toEqual({
      ok: true,
      command: { type: 'stance.give', stance: 'agree', reason: '' },
    })
  })

  it('reads one’s own stance and the public list of who gave one, tolerantly', () => {
    expect(readOwnStance({ value: 4, reason: '' })).toEqual({ value: 4, reason: '' })
    expect(readOwnStance({ value: 'block', reason: 'Unsafe' })).toEqual({
      value: 'block',
      reason: 'Unsafe',
    })
    expect(readOwnStance(null)).toBeNull()
    expect(readOwnStance({ value: 'toString' })).toBeNull()
    // Given on an earlier wording of the proposal: set aside, so not shown as one's stance.
    expect(readOwnStance({ value: 4, reason: '', round: 1 }, 1)).toEqual({ value: 4, reason: '' })
    expect(readOwnStance({ value: 4, reason: '' }, 1)).toBeNull()
    expect(readOwnStance({ value: 4, reason: '', round: 0 }, 2)).toBeNull()
    expect(
      givenStances({ given: [{ memberId: 'bo', name: 'Bo' }, { memberId: 3 }, 'junk'] }),
    ).toEqual([{ memberId: 'bo', name: 'Bo' }])
    expect(givenStances({})).toEqual([])
  })

  it('draws the distribution relative to the most common stance', () => {
    expect(distributionBars('fist-of-five', summary)).toEqual([
      { key: '0', label: '0 — Block', count: 0, percent: 0 },
      { key: '1', label: '1 — Strong concerns', count: 1, percent: 100 },
      { key: '2', label: '2 — Concerns', count: 0, percent: 0 },
      { key: '3', label: '3 — Can live with it', count: 0, percent: 0 },
      { key: '4', label: '4 — Support', count: 1, percent: 100 },
      { key: '5', label: '5 — Full support', count: 1, percent: 100 },
    ])
    const agreement = distributionBars('agreement', {
      ...summary,
      distribution: { agree: 2, 'disagree-commit': 1, block: 0 },
    })
    expect(agreement.map((b) => [b.key, b.count, b.percent])).toEqual([
      ['agree', 2, 100],
      ['disagree-commit', 1, 50],
      ['block', 0, 0],
    ])
  })

  it('names the dissenter, or “Anonymous” in an anonymous room', () => {
    expect(stanceAuthor({ value: 1, reason: 'x', memberId: 'cy', name: 'Cy' })).toBe('Cy')
    expect(stanceAuthor({ value: 1, reason: 'x', memberId: null, name: null })).toBe('Anonymous')
  })

  it('lists names in prose', () => {
    expect(namesList([])).toBe('')
    expect(namesList(['Ada'])).toBe('Ada')
    expect(namesList(['Ada', 'Bo', 'Cy'])).toBe('Ada, Bo and Cy')
  })
})

describe('decision panel: the decision form', () => {
  it('becomes decision.record; no chosen option is null', () => {
    expect(
      decisionCommand({
        outcome: 'rejected',
        option: '',
        decision: ' No ',
        rationale: ' Risk ',
        consequences: ' We keep SQLite.\nMonth end stays slow. ',
        acknowledgment: '',
      }),
    ).toEqual({
      ok: true,
      command: {
        type: 'decision.record',
        outcome: 'rejected',
        option: null,
        decision: 'No',
        rationale: 'Risk',
        consequences: 'We keep SQLite.\nMonth end stays slow.',
        acknowledgment: '',
      },
    })
    expect(
      decisionCommand({
        outcome: 'accepted',
        option: 'Postgres',
        decision: 'Go',
        rationale: 'Load',
        consequences: '',
        acknowledgment: '',
      }),
    ).toMatchObject({ ok: true, command: { option: 'Postgres', consequences: '' } })
  })

  it('accepting over a block asks how it was heard, and sends it; otherwise sends none', () => {
    const draft = {
      outcome: 'accepted' as const,
      option: '',
      decision: 'Go',
      rationale: 'Load',
      consequences: '',
      acknowledgment: ' We heard Cy: the migration waits. ',
    }
    expect(decisionCommand({ ...draft, acknowledgment: ' ' }, true)).toEqual({
      ok: false,
      error: 'Someone blocked: say how the block was heard before accepting.',
    })
    expect(decisionCommand(draft, true)).toMatchObject({
      ok: true,
      command: { acknowledgment: 'We heard Cy: the migration waits.' },
    })
    expect(decisionCommand(draft, false)).toMatchObject({ command: { acknowledgment: '' } })
    expect(decisionCommand({ ...draft, outcome: 'rejected' }, true)).toMatchObject({
      command: { acknowledgment: '' },
    })
  })

  it('asks for the decision and its rationale', () => {
    const draft = {
      outcome: 'accepted' as const,
      option: '',
      decision: 'Go',
      rationale: 'Load',
      consequences: '',
      acknowledgment: '',
    }
    expect(decisionCommand({ ...draft, decision: '' })).toEqual({
      ok: false,
      error: 'Write down the decision.',
    })
    expect(decisionCommand({ ...draft, rationale: ' ' })).toEqual({
      ok: false,
      error: 'Give the rationale.',
    })
  })

  it('starts from the recorded decision, or accepted with nothing written', () => {
    expect(decisionDraft(decision)).toEqual({
      outcome: 'accepted',
      option: 'Postgres',
      decision: 'We move.',
      rationale: 'Load.',
      consequences: 'We run it ourselves.',
      acknowledgment: '',
    })
    expect(decisionDraft(null)).toEqual({
      outcome: 'accepted',
      option: '',
      decision: '',
      rationale: '',
      consequences: '',
      acknowledgment: '',
    })
  })
})

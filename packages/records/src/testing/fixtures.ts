/**
 * Realistic results of each template, as the templates' `result()` functions return them once a
 * workshop has run its course, and the records and decision record they lead to. The renderers'
 * golden files are made from these.
 */
import type {
  BlankResult,
  DecisionResult,
  EmpathyMapResult,
  PreMortemResult,
  RetroResult,
} from '@accord/templates'
import { recordsOf } from '../from-result.js'
import { withLedger } from '../decisions.js'
import type { DecisionRecord, WorkshopRecords } from '../model.js'
import type { ExportMeta } from '../render/meta.js'
import { hostile, hostileTexts } from './hostile.js'

export const ada = { id: 'ada', name: 'Ada', role: 'facilitator' }
export const bo = { id: 'bo', name: 'Bo', role: 'participant' }
export const cy = { id: 'cy', name: 'Cy', role: 'participant' }
const team = [ada, bo, cy]

/** 2025-03-14 16:00 UTC, when the workshops closed. */
export const closedAt = Date.UTC(2025, 2, 14, 16, 0)

const action = (shapeId: string, text: string, owner: typeof ada, due: string | null) => ({
  shapeId,
  text,
  ownerId: owner.id,
  ownerName: owner.name,
  due,
  status: 'open' as const,
  id: null,
})

export const retro: RetroResult = {
  template: 'retro',
  title: 'Sprint 42 retro',
  format: { id: 'start-stop-continue', name: 'Start / Stop / Continue' },
  team: 'Payments',
  columns: [
    {
      key: 'start',
      title: 'Start',
      notes: ['Write tests before fixing bugs', 'Demo every Friday', 'Rotate the on-call pager'],
    },
    { key: 'stop', title: 'Stop', notes: ['Standups that run 40 minutes', 'Merging on red CI'] },
    { key: 'continue', title: 'Continue', notes: ['Pairing on hard bugs'] },
  ],
  themes: [
    {
      id: 'shape:ci',
      name: 'Flaky CI',
      notes: ['Merging on red CI', 'Write tests before fixing bugs'],
      dots: 5,
      rank: 1,
      discussed: true,
      discussionNote:
        'The payment webhook tests fail one run in five.\nBo has a fix in review; we quarantine the rest until Friday.',
    },
    {
      id: 'shape:meetings',
      name: 'Meetings',
      notes: ['Standups that run 40 minutes'],
      dots: 3,
      rank: 2,
      discussed: true,
      discussionNote: '',
    },
    {
      id: 'shape:pairing',
      name: 'Pairing',
      notes: ['Pairing on hard bugs'],
      dots: 1,
      rank: 3,
      discussed: false,
      discussionNote: '',
    },
  ],
  vote: { dotsPerPerson: 3, voters: 3 },
  actions: [
    action('shape:a1', 'Quarantine the flaky webhook tests', bo, '2025-03-21'),
    action('shape:a2', 'Timebox standup to 15 minutes', ada, null),
  ],
  review: [
    { text: 'Upgrade the Stripe SDK', ownerName: 'Cy', due: '2025-03-07', status: 'done' },
    { text: 'Write the deploy runbook', ownerName: 'Bo', due: null, status: 'open' },
  ],
  previous: { roomId: 'room-sprint-41', title: 'Sprint 41 retro' },
  participants: team,
}

export const preMortem: PreMortemResult = {
  template: 'pre-mortem',
  title: 'Checkout rewrite pre-mortem',
  prompt:
    'It is a year from now. The plan was carried out — and it failed spectacularly. Write down every reason why it failed, one per note, especially the ones you would not normally say out loud.',
  plan: {
    statement:
      'Replace the legacy checkout with the new React flow by June.\nSuccess: conversion at least as good as today, and no payment incidents.',
    ownerId: 'ada',
    ownerName: 'Ada',
  },
  ranking: 'scores',
  risks: [
    {
      id: 'shape:migration',
      name: 'Data migration',
      reasons: ['Saved cards did not migrate', 'We found the old schema undocumented'],
      dots: null,
      likelihood: 4,
      impact: 5,
      score: 20,
      rank: 1,
      mitigation: {
        text: 'Dry-run the migration on a production snapshot every week',
        ownerId: 'bo',
        ownerName: 'Bo',
      },
    },
    {
      id: 'shape:scope',
      name: 'Scope creep',
      reasons: ['Marketing added coupons in May'],
      dots: null,
      likelihood: 3.5,
      impact: 3,
      score: 10.5,
      rank: 2,
      mitigation: { text: 'Freeze scope on 1 April', ownerId: 'ada', ownerName: 'Ada' },
    },
    {
      id: 'shape:people',
      name: 'Key person leaves',
      reasons: ['Cy was the only one who knew the fraud rules'],
      dots: null,
      likelihood: null,
      impact: null,
      score: null,
      rank: null,
      mitigation: null,
    },
  ],
  unclustered: ['The A/B test ran over Black Friday'],
  actions: [action('shape:a3', 'Document the fraud rules', cy, '2025-04-01')],
  participants: team,
}

export const empathyMap: EmpathyMapResult = {
  template: 'empathy-map',
  title: 'First-time buyer',
  persona: 'A first-time buyer on a phone',
  regions: [
    { key: 'who', title: 'Who', notes: ['Student, 19, buys on the bus'] },
    { key: 'goal', title: 'Goal', notes: ['Pay in under a minute'] },
    { key: 'see', title: 'See', notes: ['Competitors with Apple Pay'] },
    { key: 'say', title: 'Say', notes: ['“Why do I need an account?”'] },
    { key: 'do', title: 'Do', notes: ['Abandons at the address form'] },
    { key: 'hear', title: 'Hear', notes: [] },
    { key: 'think-feel', title: 'Think & feel', notes: ['Worried about being charged twice'] },
    { key: 'pains', title: 'Pains', notes: ['Typing a card number on a small screen'] },
    { key: 'gains', title: 'Gains', notes: ['Guest checkout', 'Wallet payments'] },
  ],
  insights: ['The account wall costs us the most buyers'],
  needs: ['Pay without creating an account', 'See the total before typing anything'],
  actions: [action('shape:a4', 'Prototype guest checkout', bo, '2025-03-28')],
  participants: team,
}

export const decision: DecisionResult = {
  template: 'disagree-and-commit',
  title: 'Primary database for the ledger',
  scale: 'fist-of-five',
  anonymous: false,
  proposal: {
    title: 'Primary database for the ledger',
    context:
      'The ledger outgrew SQLite: writes queue behind each other at month end.\n\nWe need one database for the next three years.',
    options: [
      {
        title: 'PostgreSQL',
        pros: 'Mature, and the team knows it',
        cons: 'We run it ourselves',
      },
      { title: 'CockroachDB', pros: 'Scales out', cons: 'Nobody has run it\nLicence cost' },
      { title: 'Stay on SQLite', pros: '', cons: 'Does not fix month end' },
    ],
    drivers: ['Month-end writes must finish within the hour', 'Two people can operate it'],
    informed: ['Finance'],
    tags: ['ledger', 'database'],
    deciderId: 'ada',
    deciderName: 'Ada',
  },
  stances: [
    { value: 5, reason: '', memberId: 'ada', name: 'Ada' },
    { value: 0, reason: 'We will regret not scaling out', memberId: 'bo', name: 'Bo' },
    { value: 3, reason: '', memberId: 'cy', name: 'Cy' },
  ],
  summary: {
    count: 3,
    distribution: { '0': 1, '1': 0, '2': 0, '3': 1, '4': 0, '5': 1 },
    average: 2.7,
    blocks: 1,
    dissenting: 1,
  },
  dissent: [{ value: 0, reason: 'We will regret not scaling out', memberId: 'bo', name: 'Bo' }],
  decision: {
    outcome: 'accepted',
    option: 'PostgreSQL',
    text: 'We move the ledger to PostgreSQL 17 this quarter.',
    rationale: 'it is the only option the team can operate today',
    consequences:
      'Good: month-end closes in minutes.\nBad: we take on running PostgreSQL, including upgrades.',
    // Bo blocked: accepting over it needed this.
    acknowledgment: 'Bo’s block is heard: we review scaling out when the ledger doubles.',
    deciderId: 'ada',
    deciderName: 'Ada',
    at: Date.UTC(2025, 2, 14, 15, 40),
  },
  commitments: [
    { memberId: 'ada', name: 'Ada', at: Date.UTC(2025, 2, 14, 15, 41) },
    { memberId: 'bo', name: 'Bo', at: Date.UTC(2025, 2, 14, 15, 45) },
  ],
  notCommitted: [{ id: 'cy', name: 'Cy' }],
  concerns: [
    { id: 'shape:c1', text: 'Who runs PostgreSQL at night?' },
    { id: 'shape:c2', text: 'Does the backup job still fit in the window?' },
  ],
  revisits: null,
  actions: [action('shape:a5', 'Size the PostgreSQL instance', bo, '2025-03-31')],
  participants: team,
}

/** An anonymous room on the agree / disagree-but-commit / block scale, not decided yet. */
export const anonymousDecision: DecisionResult = {
  ...decision,
  title: 'Four-day week trial',
  scale: 'agreement',
  anonymous: true,
  proposal: {
    title: 'Four-day week trial',
    context: 'Try a four-day week for one quarter.',
    options: [],
    drivers: [],
    informed: [],
    tags: [],
    deciderId: 'ada',
    deciderName: 'Ada',
  },
  stances: [
    { value: 'agree', reason: '', memberId: null, name: null },
    { value: 'block', reason: 'Support needs cover on Fridays', memberId: null, name: null },
    { value: 'disagree-commit', reason: 'I doubt it, but try it', memberId: null, name: null },
  ],
  summary: {
    count: 3,
    distribution: { agree: 1, 'disagree-commit': 1, block: 1 },
    average: null,
    blocks: 1,
    dissenting: 2,
  },
  dissent: [
    { value: 'block', reason: 'Support needs cover on Fridays', memberId: null, name: null },
    { value: 'disagree-commit', reason: 'I doubt it, but try it', memberId: null, name: null },
  ],
  decision: null,
  commitments: [],
  notCommitted: [
    { id: 'ada', name: 'Ada' },
    { id: 'bo', name: 'Bo' },
    { id: 'cy', name: 'Cy' },
  ],
  concerns: [],
  revisits: null,
  actions: [],
}

export const blank: BlankResult = {
  template: 'blank',
  title: 'Offsite ideas',
  notes: ['Lisbon', 'Hiking day', 'Porto', 'Cooking class'],
  groups: [
    { id: 'shape:places', name: 'Places', notes: ['Lisbon', 'Porto'] },
    { id: 'shape:activities', name: 'Activities', notes: ['Hiking day', 'Cooking class'] },
  ],
  vote: { dotsPerPerson: 2, voters: 3 },
  actions: [action('shape:a6', 'Ask for quotes in Lisbon', cy, null)],
  participants: team,
}

export const results = { retro, preMortem, empathyMap, decision, anonymousDecision, blank }
export type FixtureName = keyof typeof results

/** The export meta of a result: its room, title and template, closed at `closedAt`. */
export const metaOf = (
  result: { readonly template: string; readonly title: string },
  closed: number | null = closedAt,
): ExportMeta => ({
  roomId: `room-${result.template}`,
  title: result.title,
  template: result.template,
  closedAt: closed,
})

/** The records a result leaves, as `recordsOf` makes them at the close. */
export function recordsFor(
  result: { readonly template: string; readonly title: string },
  meta: ExportMeta = metaOf(result),
): WorkshopRecords {
  return recordsOf(
    {
      roomId: meta.roomId,
      title: meta.title,
      template: meta.template,
      at: new Date(meta.closedAt ?? closedAt),
      regionFrames: new Map([['proposal', 'shape:proposal-frame']]),
    },
    result as Parameters<typeof recordsOf>[1],
  )
}

/**
 * The stored decision record of a decision result: numbered, with its status history,
 * superseding an older record.
 */
export function decisionRecordOf(
  result: DecisionResult,
  meta: ExportMeta = metaOf(result),
): DecisionRecord {
  const draft = recordsFor(result, meta).decision
  if (!draft) throw new Error('the decision result has no proposal')
  const record: Omit<DecisionRecord, 'ledger'> = {
    ...draft,
    id: 'DR-12',
    number: 12,
    supersedes: 'DR-3',
    supersededBy: null,
    history: [
      {
        status: 'proposed',
        by: null,
        at: '2025-03-14T15:30:00.000Z',
        note: 'recorded at the workshop',
      },
      { status: 'accepted', by: 'Ada', at: '2025-03-14T15:40:00.000Z', note: '' },
    ],
  }
  // Cy, who had not committed at the workshop, commits two days later: a ledger event.
  const late = result.notCommitted[0]
  return withLedger(record, [
    // How the workshop reached it (rec:LG1), then what came after.
    { kind: 'proposed', by: 'Ada', at: '2025-03-14T15:00:00.000Z', note: record.title },
    { kind: 'stances-opened', by: 'Ada', at: '2025-03-14T15:10:00.000Z', note: '' },
    { kind: 'stance-given', by: 'Bo', at: '2025-03-14T15:12:00.000Z', note: '' },
    { kind: 'revealed', by: 'Ada', at: '2025-03-14T15:20:00.000Z', note: '3 stances' },
    { kind: 'decided', by: 'Ada', at: '2025-03-14T15:35:00.000Z', note: 'accepted' },
    ...(late
      ? [{ kind: 'committed', by: late.name, at: '2025-03-16T09:30:00.000Z', note: '' } as const]
      : []),
  ])
}

/** A record whose every text is hostile, the date and the front matter's lists included. */
export function hostileDecisionRecord(): DecisionRecord {
  const evil = hostile(decision)
  const base = decisionRecordOf(evil, { ...metaOf(evil), roomId: 'room/../<x>' })
  return {
    ...base,
    date: '2025-03-14\n---\nstatus: hacked',
    drivers: hostileTexts.slice(0, 3),
    consequences: hostileTexts.join('\n'),
    decisionMakers: hostileTexts.slice(3, 6),
    consulted: hostileTexts.slice(6, 12),
    informed: hostileTexts.slice(12, 16),
    tags: hostileTexts.slice(16),
    supersedes: '# DR-3',
    history: [
      {
        status: 'accepted',
        by: hostileTexts[0] as string,
        at: 'not a time',
        note: hostileTexts[5] as string,
      },
    ],
  }
}

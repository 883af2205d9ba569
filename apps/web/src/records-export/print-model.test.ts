import type {
  DecisionResult,
  EmpathyMapResult,
  PreMortemResult,
  RetroResult,
} from '@accord/templates'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { type PrintBlock, type PrintDocument, printDocument } from './print-model'
import { PrintDocumentView } from './PrintDocumentView'

const ada = { id: 'ada', name: 'Ada', role: 'facilitator' }
const bo = { id: 'bo', name: 'Bo', role: 'participant' }
const closedAt = Date.UTC(2025, 2, 14, 16, 0)
const printedAt = new Date(Date.UTC(2025, 2, 15, 9, 30))
const hostile = '<script>alert(1)</script> **bold** =HYPERLINK("x")'

const meta = (template: string, extra: Partial<Parameters<typeof printDocument>[1]> = {}) => ({
  title: 'Board title',
  template,
  closedAt,
  printedAt,
  ...extra,
})

/** Every text of the document, in order: what a reader would see. */
function texts(document: PrintDocument): string[] {
  const of = (block: PrintBlock): string[] => {
    switch (block.kind) {
      case 'paragraph':
        return [block.text]
      case 'list':
        return [...block.items]
      case 'table':
        return [...block.head, ...block.rows.flat()]
      case 'item':
        return [block.title, ...block.blocks.flatMap(of)]
    }
  }
  return [
    document.title,
    ...document.fields.flat(),
    ...document.sections.flatMap((section) => [section.title, ...section.blocks.flatMap(of)]),
  ]
}
const titles = (document: PrintDocument) => document.sections.map((section) => section.title)
const sectionOf = (document: PrintDocument, title: string) =>
  document.sections.find((section) => section.title === title)

const retro: RetroResult = {
  template: 'retro',
  title: 'Sprint 42 retro',
  format: { id: 'start-stop-continue', name: 'Start / Stop / Continue' },
  team: 'Payments',
  columns: [
    { key: 'start', title: 'Start', notes: ['Demo every Friday'] },
    { key: 'stop', title: 'Stop', notes: [] },
  ],
  themes: [
    {
      id: 'shape:ci',
      name: 'Flaky CI',
      notes: ['Merging on red CI'],
      dots: 5,
      rank: 1,
      discussed: true,
      discussionNote: 'Quarantine the flaky tests.',
    },
    {
      id: 'shape:meetings',
      name: 'Meetings',
      notes: ['Standups run long'],
      dots: 1,
      rank: 2,
      discussed: true,
      discussionNote: '',
    },
  ],
  vote: { dotsPerPerson: 3, voters: 2 },
  actions: [
    {
      shapeId: 'shape:a1',
      text: 'Fix the webhook test',
      ownerId: 'bo',
      ownerName: 'Bo',
      due: null,
    },
  ],
  review: [],
  previous: null,
  participants: [ada, bo],
}

const preMortem: PreMortemResult = {
  template: 'pre-mortem',
  title: 'Launch pre-mortem',
  prompt: 'It is six months from now and the launch failed.',
  plan: { statement: 'Launch billing in May.', ownerId: 'bo', ownerName: 'Bo' },
  ranking: 'scores',
  risks: [
    {
      id: 'shape:r1',
      name: 'Botched migration',
      reasons: ['Lost invoices', 'Support untrained'],
      dots: null,
      likelihood: 3,
      impact: 5,
      score: 15,
      rank: 1,
      mitigation: { text: 'Rehearse on a copy', ownerId: 'bo', ownerName: 'Bo' },
    },
    {
      id: 'shape:r2',
      name: 'No sign-off',
      reasons: ['Finance never signed'],
      dots: null,
      likelihood: null,
      impact: null,
      score: null,
      rank: 2,
      mitigation: null,
    },
  ],
  unclustered: [],
  actions: [],
  participants: [ada, bo],
}

const empathy: EmpathyMapResult = {
  template: 'empathy-map',
  title: 'Map',
  persona: 'A new accountant',
  regions: [
    { key: 'says', title: 'Says', notes: ['Where is the export?'] },
    { key: 'feels', title: 'Feels', notes: [] },
  ],
  insights: ['Exports matter more than charts'],
  needs: ['A CSV that opens in Excel'],
  actions: [],
  participants: [ada],
}

const decision: DecisionResult = {
  template: 'disagree-and-commit',
  title: 'Move to Postgres',
  scale: 'fist-of-five',
  anonymous: false,
  proposal: {
    title: 'Move to Postgres',
    context: 'Writes double next quarter.',
    options: [
      { title: 'Postgres', pros: 'Scales', cons: 'Needs operating' },
      { title: 'SQLite', pros: '', cons: 'One writer' },
    ],
    drivers: ['Month-end writes finish within the hour'],
    informed: ['Finance'],
    tags: ['database'],
    deciderId: 'bo',
    deciderName: 'Bo',
  },
  stances: [
    { value: 5, reason: '', memberId: 'ada', name: 'Ada' },
    { value: 1, reason: hostile, memberId: 'bo', name: 'Bo' },
  ],
  summary: {
    count: 2,
    distribution: { '0': 0, '1': 1, '2': 0, '3': 0, '4': 0, '5': 1 },
    average: 3,
    blocks: 0,
    dissenting: 1,
  },
  dissent: [{ value: 1, reason: hostile, memberId: 'bo', name: 'Bo' }],
  decision: {
    outcome: 'accepted',
    option: 'Postgres',
    text: 'We move after the launch.',
    rationale: 'Write load doubles.',
    consequences: 'We run Postgres ourselves.',
    deciderId: 'bo',
    deciderName: 'Bo',
    at: closedAt,
  },
  commitments: [{ memberId: 'bo', name: 'Bo', at: closedAt }],
  notCommitted: [{ id: 'ada', name: 'Ada' }],
  actions: [],
  participants: [ada, bo],
}

describe('printDocument', () => {
  it('[PR1] heads every summary with the title, template, date and participants', () => {
    const doc = printDocument(retro, meta('retro'))
    expect(doc.title).toBe('Board title')
    expect(doc.fields).toEqual([
      ['Template', 'Retrospective'],
      ['Format', 'Start / Stop / Continue'],
      ['Team', 'Payments'],
      ['Date', '2025-03-14 (closed)'],
      ['Participants', 'Ada (facilitator), Bo'],
    ])
    const open = printDocument(retro, meta('retro', { closedAt: null, title: '  ' }))
    expect(open.title).toBe('Untitled workshop')
    expect(open.fields).toContainEqual(['Date', 'Not closed yet (printed 2025-03-15)'])
  })

  it('a retro: themes ranked by votes with notes and discussion, then actions and columns', () => {
    const doc = printDocument(retro, meta('retro'))
    expect(titles(doc)).toEqual(['Themes, ranked by votes', 'Action items', 'Notes by column'])
    const themes = sectionOf(doc, 'Themes, ranked by votes')?.blocks ?? []
    expect(themes[0]).toEqual({
      kind: 'paragraph',
      text: 'Dot vote: 3 dots per person, 2 voters.',
      muted: false,
    })
    expect(themes[1]).toEqual({
      kind: 'item',
      title: '1. Flaky CI — 5 dots',
      blocks: [
        { kind: 'list', items: ['Merging on red CI'] },
        {
          kind: 'item',
          title: 'Discussion',
          blocks: [{ kind: 'paragraph', text: 'Quarantine the flaky tests.', muted: false }],
        },
      ],
    })
    expect(themes[2]).toMatchObject({ title: '2. Meetings — 1 dot' })
    expect(texts(doc)).toContain('Discussed; no notes taken.')
    expect(sectionOf(doc, 'Action items')?.blocks).toEqual([
      {
        kind: 'table',
        head: ['Action', 'Owner', 'Due'],
        rows: [['Fix the webhook test', 'Bo', '—']],
      },
    ])
  })

  it('a pre-mortem: the register ranked, with mitigations and owners, and each risk’s reasons', () => {
    const doc = printDocument(preMortem, meta('pre-mortem'))
    expect(doc.fields).toContainEqual(['Plan owner', 'Bo'])
    expect(titles(doc)).toEqual(['The plan', 'The premise', 'Risk register', 'Action items'])
    const register = sectionOf(doc, 'Risk register')?.blocks ?? []
    expect(register[1]).toEqual({
      kind: 'table',
      head: ['Rank', 'Risk', 'Score', 'Likelihood × impact', 'Mitigation', 'Owner'],
      rows: [
        ['1', 'Botched migration', '15', '3 × 5', 'Rehearse on a copy', 'Bo'],
        ['2', 'No sign-off', '—', '—', '—', '—'],
      ],
    })
    expect(register[2]).toMatchObject({ kind: 'item', title: '1. Botched migration' })
    expect(texts(doc)).toEqual(
      expect.arrayContaining([
        'Lost invoices',
        'Mitigation: Rehearse on a copy — owner: Bo',
        'No mitigation yet.',
        'No action items.',
      ]),
    )
  })

  it('an empathy map: its regions, insights and needs', () => {
    const doc = printDocument(empathy, meta('empathy-map'))
    expect(doc.fields).toContainEqual(['Persona', 'A new accountant'])
    expect(titles(doc)).toEqual(['The map', 'Insights', 'Needs', 'Action items'])
    expect(sectionOf(doc, 'The map')?.blocks).toEqual([
      { kind: 'item', title: 'Says', blocks: [{ kind: 'list', items: ['Where is the export?'] }] },
      {
        kind: 'item',
        title: 'Feels',
        blocks: [{ kind: 'paragraph', text: 'No notes.', muted: true }],
      },
    ])
    expect(sectionOf(doc, 'Needs')?.blocks).toEqual([
      { kind: 'list', items: ['A CSV that opens in Excel'] },
    ])
  })

  it('a decision: the record — proposal, drivers, options, decision, consequences, stances, dissent, commitments', () => {
    const doc = printDocument(
      decision,
      meta('disagree-and-commit', { decision: { id: 'DR-12', status: 'accepted' } }),
    )
    expect(doc.fields).toEqual([
      ['Template', 'Disagree and commit'],
      ['Status', 'accepted'],
      ['Decider', 'Bo'],
      ['Decision record', 'DR-12 (accepted)'],
      ['Date', '2025-03-14 (closed)'],
      ['Participants', 'Ada (facilitator), Bo'],
    ])
    expect(titles(doc)).toEqual([
      'Proposal',
      'Decision drivers',
      'Options considered',
      'Decision',
      'Stances',
      'Dissent',
      'Commitments',
      'Action items',
    ])
    expect(texts(doc)).toEqual(
      expect.arrayContaining([
        'Accepted by Bo on 2025-03-14. Chosen option: Postgres.',
        'Write load doubles.',
        'Month-end writes finish within the hour',
        'Consequences',
        'We run Postgres ourselves.',
        'Pros: —',
        'Fist of five: 2 stances, average 3, 0 blocks, 1 dissenting.',
        '1 — Strong concerns',
        `Bo (1 — Strong concerns): ${hostile}`,
        'Bo — committed 2025-03-14 16:00 UTC',
        'Not committed yet: Ada',
      ]),
    )
  })

  it('a decision without drivers or consequences leaves them out', () => {
    const plain = printDocument(
      {
        ...decision,
        proposal: decision.proposal && { ...decision.proposal, drivers: [] },
        decision: decision.decision && { ...decision.decision, consequences: ' ' },
      },
      meta('disagree-and-commit'),
    )
    expect(titles(plain)).not.toContain('Decision drivers')
    expect(texts(plain)).not.toContain('Consequences')
  })

  it('a decision not reached yet says so', () => {
    const open = printDocument(
      { ...decision, proposal: null, decision: null, summary: null, stances: [], dissent: [] },
      meta('disagree-and-commit', { closedAt: null }),
    )
    expect(texts(open)).toEqual(
      expect.arrayContaining([
        'No proposal recorded yet.',
        'Not decided yet.',
        'Not revealed yet.',
      ]),
    )
    expect(open.fields).toContainEqual(['Status', 'proposed — not decided yet'])
  })

  it('keeps user text verbatim: it is never Markdown or HTML here', () => {
    const doc = printDocument({ ...retro, team: hostile }, meta('retro', { title: hostile }))
    expect(doc.title).toBe(hostile)
    expect(doc.fields).toContainEqual(['Team', hostile])
  })

  it('an unknown template gets the header and its actions', () => {
    const doc = printDocument(
      { template: 'future', title: 'x', actions: [], participants: [] },
      meta('future'),
    )
    expect(doc.fields[0]).toEqual(['Template', 'future'])
    expect(titles(doc)).toEqual(['Action items'])
  })
})

describe('PrintDocumentView', () => {
  it('renders user text as text, never as markup', () => {
    const doc = printDocument(decision, meta('disagree-and-commit', { title: hostile }))
    const html = renderToStaticMarkup(createElement(PrintDocumentView, { document: doc }))
    expect(html).not.toContain('<script>')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; **bold**')
    expect(html).toContain('<h2>Stances</h2>')
  })
})

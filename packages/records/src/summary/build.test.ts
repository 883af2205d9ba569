import { readResult } from '@accord/templates'
import { describe, expect, it } from 'vitest'
import { blank, decision, empathyMap, metaOf, preMortem, retro } from '../testing/fixtures.js'
import { workshopSummary } from './build.js'
import type { Block, Line, Run, SummaryDocument } from './document.js'

/** A line as a reader sees it: people's text as typed (or its fallback), no markup. */
function plain(line: Line): string {
  const run = (part: Run): string =>
    typeof part === 'string'
      ? part
      : 'user' in part
        ? part.user.trim() || (part.fallback ?? '')
        : 'strong' in part
          ? plain(part.strong)
          : 'em' in part
            ? plain(part.em)
            : plain(part.link)
  return line.map(run).join('')
}

/** Every text of the document, in order: what a reader would see. */
function texts(document: SummaryDocument): string[] {
  const of = (block: Block): string[] => {
    switch (block.kind) {
      case 'line':
        return [plain(block.line)]
      case 'text':
        return block.text.trim() === '' && block.empty ? of(block.empty) : [block.text]
      case 'list':
        return block.items.map((item) => plain(item.lead ?? []) + (item.text ?? ''))
      case 'table':
        return [...block.head, ...block.rows.flat()]
      case 'item':
        return [plain(block.title), ...block.blocks.flatMap(of)]
    }
  }
  return [
    plain([document.title]),
    ...document.fields.flatMap(([label, value]) => [label, plain(value)]),
    ...document.sections.flatMap((section) => [section.title, ...section.blocks.flatMap(of)]),
  ]
}
const fields = (document: SummaryDocument) =>
  document.fields.map(([label, value]) => [label, plain(value)])
const titles = (document: SummaryDocument) => document.sections.map((section) => section.title)
const sectionOf = (document: SummaryDocument, title: string) =>
  document.sections.find((section) => section.title === title)

describe('the workshop summary model', () => {
  it('[rec:RN1] heads every summary with the title, template, details, date, board and participants', () => {
    const doc = workshopSummary(retro, metaOf(retro))
    expect(plain([doc.title])).toBe('Sprint 42 retro')
    expect(fields(doc)).toEqual([
      ['Template', 'Retrospective'],
      ['Format', 'Start / Stop / Continue'],
      ['Team', 'Payments'],
      ['Date', '2025-03-14 (closed)'],
      ['Board', '/b/room-retro'],
      ['Participants', 'Ada (facilitator), Bo, Cy'],
    ])
    const open = workshopSummary(retro, { ...metaOf(retro), closedAt: null, title: '  ' })
    expect(plain([open.title])).toBe('Untitled workshop')
    expect(fields(open)).toContainEqual(['Date', 'not closed yet'])
  })

  it('[rec:RN1] a retro: themes ranked by votes with notes and discussion, then actions, review, columns', () => {
    const doc = workshopSummary(retro, metaOf(retro))
    expect(titles(doc)).toEqual([
      'Themes, ranked by votes',
      'Action items',
      'Review of the last retro’s actions',
      'Notes by column',
    ])
    const themes = sectionOf(doc, 'Themes, ranked by votes')?.blocks ?? []
    expect(themes[0]).toEqual({ kind: 'line', line: ['Dot vote: 3 dots per person, 3 voters.'] })
    expect(themes[1]).toMatchObject({ kind: 'item', blocks: [{ kind: 'list' }, { kind: 'item' }] })
    expect(texts(doc)).toEqual(
      expect.arrayContaining([
        '1. Flaky CI — 5 dots',
        'Discussion',
        'Discussed; no notes taken.',
        'Open actions from Sprint 41 retro:',
      ]),
    )
    expect(sectionOf(doc, 'Action items')?.blocks).toEqual([
      {
        kind: 'table',
        head: ['Action', 'Owner', 'Due', 'Status'],
        rows: [
          ['Quarantine the flaky webhook tests', 'Bo', '2025-03-21', 'Open'],
          ['Timebox standup to 15 minutes', 'Ada', '—', 'Open'],
        ],
      },
    ])
  })

  it('[rec:RN1] a pre-mortem: the plan, the register ranked with mitigations and owners, each risk’s reasons', () => {
    const doc = workshopSummary(preMortem, metaOf(preMortem))
    expect(fields(doc)).toContainEqual(['Plan owner', 'Ada'])
    expect(titles(doc)).toEqual([
      'The plan',
      'The premise',
      'Risk register',
      'Reasons not clustered into a risk',
      'Action items',
    ])
    const register = sectionOf(doc, 'Risk register')?.blocks ?? []
    expect(register[1]).toMatchObject({
      kind: 'table',
      head: ['Rank', 'Risk', 'Score', 'Likelihood × impact', 'Mitigation', 'Owner'],
    })
    expect(register[1]).toMatchObject({
      rows: expect.arrayContaining([
        [
          '1',
          'Data migration',
          '20',
          '4 × 5',
          'Dry-run the migration on a production snapshot every week',
          'Bo',
        ],
        ['—', 'Key person leaves', '—', '—', '—', '—'],
      ]),
    })
    expect(texts(doc)).toEqual(
      expect.arrayContaining(['1. Data migration', 'Saved cards did not migrate']),
    )
  })

  it('[rec:RN1] an empathy map: its regions, insights and needs', () => {
    const doc = workshopSummary(empathyMap, metaOf(empathyMap))
    expect(fields(doc)).toContainEqual(['Persona', 'A first-time buyer on a phone'])
    expect(titles(doc)).toEqual(['The map', 'Insights', 'Needs', 'Action items'])
    expect(sectionOf(doc, 'The map')?.blocks[5]).toEqual({
      kind: 'item',
      title: [{ user: 'Hear', fallback: 'Untitled region' }],
      blocks: [{ kind: 'line', line: ['No notes.'], muted: true }],
    })
    expect(sectionOf(doc, 'Needs')?.blocks).toEqual([
      {
        kind: 'list',
        items: [
          { text: 'Pay without creating an account' },
          { text: 'See the total before typing anything' },
        ],
      },
    ])
  })

  it('[rec:RN1][tpl:DC7] a decision: proposal, drivers, options, concerns, decision, consequences, stances, dissent, commitments', () => {
    const doc = workshopSummary(decision, {
      ...metaOf(decision),
      decision: { id: 'DR-12', status: 'accepted' },
    })
    expect(fields(doc)).toEqual([
      ['Template', 'Disagree and commit'],
      ['Status', 'accepted'],
      ['Decider', 'Ada'],
      ['Decision record', 'DR-12 (accepted)'],
      ['Date', '2025-03-14 (closed)'],
      ['Board', '/b/room-disagree-and-commit'],
      ['Participants', 'Ada (facilitator), Bo, Cy'],
    ])
    expect(titles(doc)).toEqual([
      'Proposal',
      'Decision drivers',
      'Options considered',
      'Questions and concerns',
      'Decision',
      'Stances',
      'Dissent',
      'Commitments',
      'Action items',
    ])
    expect(texts(doc)).toEqual(
      expect.arrayContaining([
        'Who runs PostgreSQL at night?',
        'Accepted by Ada on 2025-03-14. Chosen option: PostgreSQL.',
        'We move the ledger to PostgreSQL 17 this quarter.',
        'Rationale',
        'Consequences',
        'Pros: —',
        'Accepted over a block',
        'Bo’s block is heard: we review scaling out when the ledger doubles.',
        'Fist of five: 3 stances, average 2.7, 1 block, 1 dissenting.',
        'Bo (0 — Block): We will regret not scaling out',
        'Ada — committed 2025-03-14 15:41 UTC',
        'Not committed yet: Cy',
      ]),
    )
  })

  it('[rec:RN1][rec:DR7] a decision since superseded says so in its header and with its verdict', () => {
    const doc = workshopSummary(decision, {
      ...metaOf(decision),
      decision: { id: 'DR-12', status: 'superseded', supersededBy: 'DR-14' },
    })
    expect(fields(doc)).toContainEqual(['Decision record', 'DR-12 (superseded by DR-14)'])
    expect(texts(doc)).toContain(
      'Accepted by Ada on 2025-03-14. Since superseded by DR-14. Chosen option: PostgreSQL.',
    )
  })

  it('[rec:RN1] a decision without drivers, consequences or a block leaves them out; one not reached says so', () => {
    const plainDecision = workshopSummary(
      {
        ...decision,
        proposal: decision.proposal && { ...decision.proposal, drivers: [] },
        decision: decision.decision && {
          ...decision.decision,
          consequences: ' ',
          acknowledgment: '',
        },
      },
      metaOf(decision),
    )
    expect(titles(plainDecision)).not.toContain('Decision drivers')
    expect(texts(plainDecision)).not.toContain('Consequences')
    expect(texts(plainDecision)).not.toContain('Accepted over a block')
    const open = workshopSummary(
      { ...decision, proposal: null, decision: null, summary: null, stances: [], dissent: [] },
      { ...metaOf(decision), closedAt: null },
    )
    expect(texts(open)).toEqual(
      expect.arrayContaining([
        'No proposal recorded yet.',
        'Not decided yet.',
        'Not revealed yet.',
      ]),
    )
    expect(fields(open)).toContainEqual(['Status', 'proposed — not decided yet'])
  })

  it('[rec:RN1] keeps people’s text as it was typed: it is escaped only by a renderer', () => {
    const hostile = '<script>alert(1)</script> **bold** =HYPERLINK("x")'
    const doc = workshopSummary(
      { ...blank, notes: [hostile] },
      { ...metaOf(blank), title: hostile },
    )
    expect(doc.title).toEqual({ user: hostile, fallback: 'Untitled workshop' })
    expect(texts(doc)).toContain(hostile)
  })

  it('[rec:RN1] a result it cannot read gets the header and says so, guessing nothing', () => {
    const read = readResult({ template: 'future', title: 'x', actions: [] })
    if (read.readable) throw new Error('"future" is not a template')
    const doc = workshopSummary(read, metaOf(read))
    expect(fields(doc)[0]).toEqual(['Template', 'future'])
    expect(titles(doc)).toEqual(['Result'])
    expect(texts(doc)).toContain('This result could not be read (unknown template "future").')
  })
})

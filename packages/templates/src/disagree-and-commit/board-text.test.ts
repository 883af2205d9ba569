import { describe, expect, it } from 'vitest'
import { disagreeAndCommit } from './index.js'
import type { BoardRecord } from '../template.js'
import { proposalBoardText } from './board-text.js'
import { decision, proposal } from '../testing/decision.js'

describe('the Proposal region on the board', () => {
  it('[tpl:DC6] says the proposal, its options and who decides; then the outcome', () => {
    expect(proposalBoardText({ proposal: null, decision: null })).toBe('')
    expect(proposalBoardText({ proposal, decision: null })).toBe(
      [
        'Move the ledger to PostgreSQL',
        '',
        'SQLite limits concurrent writers.',
        '',
        'Options considered:',
        '• PostgreSQL (pros: Concurrent writes, Replication; cons: Ops work)',
        '• Stay on SQLite',
        '',
        'Decides: Ada',
        'Not decided yet.',
      ].join('\n'),
    )
    expect(proposalBoardText({ proposal, decision }).split('\n').slice(-4)).toEqual([
      'Accepted by Ada: PostgreSQL',
      'We move after the launch.',
      'Why: Write load doubles.',
      'Accepted over a block: Bo’s block is heard.',
    ])
  })

  it('[rec:AG1] names the decision record as the log has it now, superseded since too', () => {
    const lastLines = (record: BoardRecord) =>
      proposalBoardText({ proposal, decision }, record).split('\n').slice(-2)
    expect(lastLines({ id: 'DR-4', status: 'accepted', supersededBy: null })).toEqual([
      '',
      'Decision record: DR-4 (accepted).',
    ])
    expect(lastLines({ id: 'DR-4', status: 'superseded', supersededBy: 'DR-9' })).toEqual([
      '',
      'Decision record: DR-4, since superseded by DR-9.',
    ])
    expect(
      proposalBoardText(
        { proposal, decision: null },
        { id: 'DR-3', status: 'proposed', supersededBy: null },
      )
        .split('\n')
        .slice(-3),
    ).toEqual(['Not decided yet.', '', 'Decision record: DR-3 (proposed).'])
  })

  it('[tpl:DC6] is what the template has the server write in its Proposal region', () => {
    expect(disagreeAndCommit.boardContent?.({ proposal, decision: null }, null)).toEqual([
      { region: 'proposal', text: proposalBoardText({ proposal, decision: null }) },
    ])
    expect(disagreeAndCommit.boardContent?.({}, null)).toEqual([{ region: 'proposal', text: '' }])
  })
})

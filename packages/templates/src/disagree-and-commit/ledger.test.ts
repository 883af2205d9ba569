import { describe, expect, it } from 'vitest'
import type { WorkshopChange } from '../template.js'
import { disagreeAndCommit } from './index.js'
import { decisionLedger } from './ledger.js'
import { decision, proposal } from '../testing/decision.js'

const faye = { id: 'faye', name: 'Faye' }
const bo = { id: 'bo', name: 'Bo' }

const change = (partial: Partial<WorkshopChange>): WorkshopChange => ({
  before: {},
  after: {},
  phaseBefore: 'proposal',
  phaseAfter: 'proposal',
  actor: faye,
  submitted: false,
  ...partial,
})

describe('the decision’s ledger, from a disagree-and-commit', () => {
  it('[rec:LG1] says what each change did, with who', () => {
    expect(decisionLedger(change({ after: { proposal } }))).toEqual([
      { kind: 'proposed', by: 'Faye', note: 'Move the ledger to PostgreSQL' },
    ])
    // Reworded after Bo gave a stance: a new round sets it aside.
    const given = [{ memberId: 'bo', name: 'Bo' }]
    expect(
      decisionLedger(
        change({
          before: { proposal, given, round: 0 },
          after: { proposal: { ...proposal, title: 'Move after the launch' }, given: [], round: 1 },
        }),
      ),
    ).toEqual([
      { kind: 'proposal-changed', by: 'Faye', note: 'Move after the launch (1 stance set aside)' },
    ])
    expect(decisionLedger(change({ phaseBefore: 'discussion', phaseAfter: 'stances' }))).toEqual([
      { kind: 'stances-opened', by: 'Faye', note: '' },
    ])
    expect(
      decisionLedger(
        change({
          before: { decision: null },
          after: { decision: { ...decision, acknowledgment: 'Heard.' } },
        }),
      ),
    ).toEqual([
      { kind: 'decided', by: 'Ada', note: 'accepted: PostgreSQL' },
      { kind: 'block-acknowledged', by: 'Ada', note: 'Heard.' },
    ])
    expect(
      decisionLedger(
        change({
          before: { stances: null },
          after: { stances: [{ value: 4, reason: '', memberId: 'bo', name: 'Bo' }] },
        }),
      ),
    ).toEqual([{ kind: 'revealed', by: 'Faye', note: '1 stance' }])
  })

  it('[rec:LG1] a stance given or changed is an event without its value, hidden until the reveal', () => {
    const given = [{ memberId: 'bo', name: 'Bo' }]
    const first = decisionLedger(
      change({ actor: bo, submitted: true, before: { proposal }, after: { proposal, given } }),
    )
    expect(first).toEqual([{ kind: 'stance-given', by: 'Bo', note: '' }])
    const again = decisionLedger(
      change({
        actor: bo,
        submitted: true,
        before: { proposal, given },
        after: { proposal, given },
      }),
    )
    expect(again).toEqual([{ kind: 'stance-changed', by: 'Bo', note: '' }])
  })

  it('[rec:LG1] a change that does nothing to the decision adds nothing; the template keeps it', () => {
    expect(decisionLedger(change({ before: { proposal }, after: { proposal } }))).toEqual([])
    expect(disagreeAndCommit.ledger).toBe(decisionLedger)
  })
})

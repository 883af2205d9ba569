import { changeStatus, checkSupersedable } from '@accord/records'
import { describe, expect, it } from 'vitest'
import { type DecisionRecord, type DecisionStatus, decisionStatuses } from '../api/records'
import {
  boardLinkOf,
  canSupersede,
  splitLines,
  splitNames,
  stanceName,
  statusChanges,
  supersedeChanges,
  supersedeFormFrom,
} from './decision-view'

const record: DecisionRecord = {
  id: 'DR-4',
  number: 4,
  status: 'accepted',
  date: '2026-05-02',
  title: 'Move to Postgres',
  context: 'Writes double.',
  drivers: ['Write load', 'Ops cost'],
  options: [
    { title: 'Postgres', pros: 'Scales', cons: 'Ops' },
    { title: 'SQLite', pros: 'Simple', cons: 'One writer' },
  ],
  chosenOption: 'Postgres',
  decision: 'We move after the launch.',
  rationale: 'Load doubles.',
  consequences: '',
  acknowledgment: '',
  decisionMakers: ['Pat'],
  consulted: ['Faye', 'Quinn'],
  informed: [],
  participants: ['Faye', 'Pat', 'Quinn'],
  stances: [],
  dissent: [{ name: null, stance: '1 — Strong concerns', reason: 'Nobody on call' }],
  commitments: [],
  tags: ['infra'],
  source: {
    roomId: 'room1',
    workshopTitle: 'Database decision',
    template: 'disagree-and-commit',
    shapeIds: ['shape:proposal', 'shape:other'],
  },
  supersedes: null,
  supersededBy: null,
  history: [],
  ledger: [],
}

describe('what can be done with a record', () => {
  const withStatus = (status: DecisionStatus): DecisionRecord => ({ ...record, status })

  it("offers exactly the status changes the records' rule allows", () => {
    for (const from of decisionStatuses) {
      const offered = statusChanges(withStatus(from)).map((c) => c.to)
      const allowed = decisionStatuses.filter(
        (to) => changeStatus(withStatus(from), to, { by: 'Pat', at: '', note: '' }).ok,
      )
      expect(offered, from).toEqual(allowed)
    }
    expect(statusChanges(withStatus('proposed'))).toEqual([
      { to: 'accepted', label: 'Accept' },
      { to: 'rejected', label: 'Reject' },
    ])
    expect(statusChanges(withStatus('rejected'))).toEqual([
      { to: 'proposed', label: 'Propose again' },
    ])
    expect(statusChanges(withStatus('accepted'))).toEqual([])
    expect(statusChanges(withStatus('superseded'))).toEqual([])
  })

  it('supersedes only settled records, as the records rule says', () => {
    for (const status of decisionStatuses) {
      expect(canSupersede(withStatus(status)), status).toBe(
        checkSupersedable(withStatus(status)).ok,
      )
    }
    expect(canSupersede(withStatus('accepted'))).toBe(true)
    expect(canSupersede(withStatus('rejected'))).toBe(true)
    expect(canSupersede(withStatus('proposed'))).toBe(false)
    expect(canSupersede(withStatus('superseded'))).toBe(false)
  })

  it('links to the board at the first source shape', () => {
    expect(boardLinkOf(record)).toBe('/b/room1?focus=shape%3Aproposal')
    expect(boardLinkOf({ source: { ...record.source, shapeIds: [] } })).toBe('/b/room1')
  })

  it('names anonymous stances so', () => {
    expect(stanceName({ name: null })).toBe('Anonymous')
    expect(stanceName({ name: 'Quinn' })).toBe('Quinn')
  })
})

describe('the supersede form', () => {
  it('is prefilled with the record and, unchanged, gives the same content back', () => {
    const form = supersedeFormFrom(record)
    expect(form.drivers).toBe('Write load\nOps cost')
    expect(form.consulted).toBe('Faye, Quinn')
    expect(supersedeChanges(form)).toEqual({
      ok: true,
      changes: {
        title: record.title,
        context: record.context,
        drivers: record.drivers,
        options: record.options,
        chosenOption: 'Postgres',
        decision: record.decision,
        rationale: record.rationale,
        consequences: '',
        decisionMakers: ['Pat'],
        consulted: ['Faye', 'Quinn'],
        informed: [],
        tags: ['infra'],
        note: '',
      },
    })
  })

  it('drops blank option rows and needs a title, a decision and who decides', () => {
    const form = supersedeFormFrom(record)
    const withBlankRow = {
      ...form,
      options: [...form.options, { title: ' ', pros: 'x', cons: '' }],
      chosenOption: '',
    }
    const result = supersedeChanges(withBlankRow)
    expect(result.ok && result.changes.options).toHaveLength(2)
    expect(result.ok && result.changes.chosenOption).toBeNull()
    expect(supersedeChanges({ ...form, title: '  ' })).toMatchObject({ ok: false, field: 'title' })
    expect(supersedeChanges({ ...form, decision: '' })).toMatchObject({
      ok: false,
      field: 'decision',
    })
    expect(supersedeChanges({ ...form, decisionMakers: ' , ' })).toMatchObject({
      ok: false,
      field: 'decisionMakers',
    })
    expect(supersedeChanges({ ...form, chosenOption: 'MySQL' })).toMatchObject({
      ok: false,
      field: 'chosenOption',
    })
  })

  it('splits lists', () => {
    expect(splitLines(' a \n\n b, c ')).toEqual(['a', 'b, c'])
    expect(splitNames('Ada  Lovelace, Bo\nBo,, ')).toEqual(['Ada Lovelace', 'Bo'])
  })
})

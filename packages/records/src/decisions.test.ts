import { describe, expect, it } from 'vitest'
import {
  afterDecision,
  lateCommitments,
  withLedger,
  changeStatus,
  checkEditable,
  checkSupersedable,
  boardDecision,
  changesAnything,
  sameDecision,
  successorContent,
  supersede,
} from './decisions.js'
import type { DecisionRecord } from './model.js'

const record = (over: Partial<DecisionRecord> = {}): DecisionRecord => ({
  id: 'DR-1',
  number: 1,
  status: 'proposed',
  date: '2026-11-21',
  title: 'Move to PostgreSQL',
  context: 'SQLite limits us',
  drivers: [],
  options: [],
  chosenOption: null,
  decision: 'We move',
  rationale: 'Growth',
  consequences: '',
  acknowledgment: '',
  decisionMakers: ['Ada'],
  consulted: ['Bo'],
  informed: [],
  participants: ['Ada', 'Bo'],
  stances: [],
  dissent: [],
  commitments: [],
  tags: [],
  source: { roomId: 'r', workshopTitle: 'Decide', template: 'disagree-and-commit', shapeIds: [] },
  supersedes: null,
  supersededBy: null,
  history: [{ status: 'proposed', by: 'Ada', at: '2026-11-21T10:00:00.000Z', note: '' }],
  ledger: [],
  ...over,
})
const by = { by: 'Ada', at: '2026-11-22T09:00:00.000Z', note: '' }

describe('decision records', () => {
  it('[rec:DR1] a proposed record is accepted or rejected, each change logged with who and when', () => {
    const accepted = changeStatus(record(), 'accepted', by)
    expect(accepted.ok && accepted.value.status).toBe('accepted')
    expect(accepted.ok && accepted.value.history.at(-1)).toEqual({ ...by, status: 'accepted' })
    const reopened = changeStatus(record({ status: 'rejected' }), 'proposed', by)
    expect(reopened.ok).toBe(true)
    expect(changeStatus(record(), 'proposed', by)).toEqual({
      ok: false,
      error: 'DR-1 is already proposed',
    })
  })

  it('[rec:DR1] an accepted record changes only by being superseded', () => {
    expect(changeStatus(record({ status: 'accepted' }), 'rejected', by)).toEqual({
      ok: false,
      error: 'DR-1 is accepted: it can only be superseded by a new record',
    })
    expect(changeStatus(record({ status: 'accepted' }), 'superseded', by).ok).toBe(false)
    expect(changeStatus(record({ status: 'superseded' }), 'accepted', by).ok).toBe(false)
  })

  it('[rec:DR2] content is edited in place only while proposed', () => {
    expect(checkEditable(record()).ok).toBe(true)
    expect(checkEditable(record({ status: 'accepted' }))).toEqual({
      ok: false,
      error: 'DR-1 is accepted: its content is kept as it is; supersede it instead',
    })
  })

  it('[rec:DR3] superseding links both records and leaves the original’s content as it was', () => {
    const original = record({ status: 'accepted' })
    const successor = record({ id: 'DR-2', number: 2, status: 'accepted', decision: 'We stay' })
    const result = supersede(original, successor, by)
    if (!result.ok) throw new Error(result.error)
    expect(result.value.original).toEqual({
      ...original,
      status: 'superseded',
      supersededBy: 'DR-2',
      history: [...original.history, { ...by, status: 'superseded', note: 'superseded by DR-2' }],
    })
    expect(result.value.successor.supersedes).toBe('DR-1')
    expect(result.value.original.decision).toBe('We move')
  })

  it('[rec:DR3] only a settled record that is not yet superseded can be superseded', () => {
    expect(checkSupersedable(record()).ok).toBe(false)
    expect(checkSupersedable(record({ status: 'rejected' })).ok).toBe(true)
    expect(checkSupersedable(record({ status: 'superseded', supersededBy: 'DR-7' }))).toEqual({
      ok: false,
      error: 'DR-1 is already superseded by DR-7',
    })
  })

  it('[rec:DR4] a later commitment is a ledger event: the content stays as fixed, views add it', () => {
    const bo = { name: 'Bo', at: '2026-11-21T10:00:00.000Z' }
    const cy = { name: 'Cy', at: '2026-11-23T11:00:00.000Z' }
    const settled = record({
      status: 'accepted',
      commitments: [bo],
      history: [{ status: 'accepted', by: 'Ann', at: '2026-11-21T10:30:00.000Z', note: '' }],
    })
    expect(lateCommitments(settled, [bo, cy, cy])).toEqual([
      { kind: 'committed', by: 'Cy', at: cy.at, note: '' },
    ])
    expect(lateCommitments(settled, [bo])).toEqual([])
    const ledger = [
      { kind: 'committed', by: 'Cy', at: cy.at, note: '' },
      { kind: 'committed', by: 'Bo', at: cy.at, note: '' },
    ] as const
    const read = withLedger(settled, ledger)
    expect(read.commitments).toEqual([bo, cy])
    expect(read.ledger).toEqual(ledger)
    expect(read.rationale).toBe(settled.rationale)
    expect(withLedger(settled, [])).toEqual({ ...settled, ledger: [] })
    expect(sameDecision(settled, read)).toBe(true)
    expect(sameDecision(settled, { ...settled, rationale: 'Cost' })).toBe(false)
  })

  it('[rec:DR4] says how long after the decision a commitment from the ledger came', () => {
    const settled = record({
      status: 'accepted',
      commitments: [{ name: 'Bo', at: '2026-11-21T10:05:00.000Z' }],
      history: [
        { status: 'proposed', by: 'Ann', at: '2026-11-20T09:00:00.000Z', note: '' },
        { status: 'accepted', by: 'Ann', at: '2026-11-21T10:00:00.000Z', note: '' },
      ],
      ledger: [{ kind: 'committed', by: 'Cy', at: '2026-11-23T11:00:00.000Z', note: '' }],
    })
    const after = (at: string) => afterDecision(settled, { name: 'Cy', at })
    expect(afterDecision(settled, settled.commitments[0]!)).toBeNull() // made in the workshop
    expect(after('2026-11-21T10:00:30.000Z')).toBe('after the decision')
    expect(after('2026-11-21T10:01:00.000Z')).toBe('1 minute after the decision')
    expect(after('2026-11-21T11:30:00.000Z')).toBe('90 minutes after the decision')
    expect(after('2026-11-21T15:00:00.000Z')).toBe('5 hours after the decision')
    expect(after('2026-11-23T11:00:00.000Z')).toBe('2 days after the decision')
  })
})

describe('a record written to supersede another', () => {
  const original = {
    ...record({ status: 'accepted' }),
    decisionMakers: ['Ada'],
    consulted: ['Bo'],
    participants: ['Ada', 'Bo', 'Cy'],
    stances: [{ name: 'Bo', stance: 'Block', reason: 'Cost' }],
    dissent: [{ name: 'Bo', stance: 'Block', reason: 'Cost' }],
    commitments: [{ name: 'Bo', at: '2026-11-21T10:00:00.000Z' }],
    acknowledgment: 'We heard Bo',
    informed: ['Finance'],
    tags: ['infra'],
  }

  it('[rec:DR6] starts from the original’s words, with the changes given', () => {
    const next = successorContent(original, { decision: 'Stay', chosenOption: null }, 'Faye')
    expect(next).toMatchObject({
      title: original.title,
      context: original.context,
      decision: 'Stay',
      chosenOption: null,
      rationale: original.rationale,
      informed: ['Finance'],
      tags: ['infra'],
    })
  })

  it('[rec:DR6] has its own people, stances and commitments: never the original’s', () => {
    expect(successorContent(original, { decision: 'Stay' }, 'Faye')).toMatchObject({
      decisionMakers: ['Faye'],
      participants: ['Faye'],
      consulted: [],
      stances: [],
      dissent: [],
      commitments: [],
      acknowledgment: '',
    })
    expect(
      successorContent(original, { decisionMakers: ['Ada', 'Faye'] }, 'Faye').decisionMakers,
    ).toEqual(['Ada', 'Faye'])
  })

  it('[rec:DR6] says whether the changes change anything', () => {
    expect(changesAnything(original, {})).toBe(false)
    expect(changesAnything(original, { title: original.title, tags: ['infra'] })).toBe(false)
    expect(changesAnything(original, { tags: ['infra', 'db'] })).toBe(true)
    expect(changesAnything(original, { chosenOption: null })).toBe(original.chosenOption !== null)
  })
})

describe('the record a board shows', () => {
  const made = (number: number, shapeIds: string[]) => ({
    number,
    source: { roomId: 'r', workshopTitle: 'W', template: 'disagree-and-commit', shapeIds },
  })

  it('[rec:DR7] is the newest made from the board, not one written on the record page', () => {
    const closed = made(1, ['shape:proposal'])
    const closedAgain = made(3, ['shape:proposal'])
    const writtenOnPage = made(4, [])
    expect(boardDecision([closed, writtenOnPage])).toBe(closed)
    expect(boardDecision([writtenOnPage, closedAgain, closed])).toBe(closedAgain)
    expect(boardDecision([writtenOnPage])).toBeNull()
  })
})

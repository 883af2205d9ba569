import { describe, expect, it } from 'vitest'
import type { DecisionRecord, StatusEvent } from '../api/records'
import { keptOn, noBoardKept, wasAccepted } from './board-at-decision'

type Record = Pick<DecisionRecord, 'id' | 'status' | 'date' | 'history'>

const event = (status: StatusEvent['status'], at: string): StatusEvent => ({
  status,
  at,
  by: 'Ada',
  note: '',
})

const record = (status: Record['status'], history: StatusEvent[]): Record => ({
  id: 'DR-4',
  status,
  date: '2026-12-01',
  history,
})

const accepted = record('accepted', [
  event('proposed', '2026-12-01T10:00:00.000Z'),
  event('accepted', '2026-12-07T10:00:00.000Z'),
])
const superseded = record('superseded', [
  ...accepted.history,
  event('superseded', '2027-01-02T10:00:00.000Z'),
])
const rejectedThenSuperseded = record('superseded', [
  event('rejected', '2026-12-01T10:00:00.000Z'),
  event('superseded', '2026-12-02T10:00:00.000Z'),
])

describe('the board kept with a decision, on the record pages', () => {
  it('[rec:BS1] is offered for a record that was ever accepted, superseded since or not', () => {
    expect(wasAccepted(accepted)).toBe(true)
    expect(wasAccepted(superseded)).toBe(true)
    expect(wasAccepted(rejectedThenSuperseded)).toBe(false)
    expect(wasAccepted(record('proposed', [event('proposed', '2026-12-01T10:00:00.000Z')]))).toBe(
      false,
    )
  })

  it('[rec:BS1] is dated by when the server kept it, else by the acceptance, else the record', () => {
    const local = new Date(2026, 11, 7, 23, 30)
    expect(keptOn(local, accepted)).toBe('2026-12-07')
    const acceptedAt = new Date(accepted.history[1]!.at)
    const day = `${acceptedAt.getFullYear()}-12-${String(acceptedAt.getDate()).padStart(2, '0')}`
    expect(keptOn(null, accepted)).toBe(day)
    expect(keptOn(null, rejectedThenSuperseded)).toBe('2026-12-01')
  })

  it('[rec:BS1] says plainly why none was kept', () => {
    expect(noBoardKept(accepted)).toBe(
      'DR-4 was accepted before Accord kept the board with its decisions: only the board as it is now can be shown.',
    )
    expect(noBoardKept(record('proposed', []))).toBe(
      'A record keeps its board when it is accepted, and DR-4 is proposed.',
    )
    expect(noBoardKept(rejectedThenSuperseded)).toMatch(
      /DR-4 was superseded before it was accepted\.$/,
    )
  })
})

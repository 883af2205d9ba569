/**
 * The board as it was when a record was accepted (rec:BS1), as the record pages speak of it:
 * whether a record may have one, the day it was kept, and why there is none.
 */
import type { DecisionRecord } from '../api/records'

type Accepted = Pick<DecisionRecord, 'history'>

/** When the record was first accepted (ISO 8601), or null if it never was. */
function firstAccepted(record: Accepted): string | null {
  return record.history.find((event) => event.status === 'accepted')?.at ?? null
}

/**
 * Was the record ever accepted (it may be superseded since)? Only then can a board have been kept
 * with it — so only then do the record pages offer to show it.
 */
export function wasAccepted(record: Accepted): boolean {
  return firstAccepted(record) !== null
}

/** A date as a day of this browser's calendar, YYYY-MM-DD. */
function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/**
 * The day the board was kept, YYYY-MM-DD: when the server says it took it; else when the record
 * was accepted; else the record's own date.
 */
export function keptOn(takenAt: Date | null, record: Accepted & Pick<DecisionRecord, 'date'>) {
  if (takenAt) return localDay(takenAt)
  const accepted = firstAccepted(record)
  return accepted ? localDay(new Date(accepted)) : record.date
}

/** Why no board can be shown for a record, in plain words. */
export function noBoardKept(record: Accepted & Pick<DecisionRecord, 'id' | 'status'>): string {
  if (wasAccepted(record))
    return `${record.id} was accepted before Accord kept the board with its decisions: only the board as it is now can be shown.`
  const status =
    record.status === 'superseded' ? 'was superseded before it was accepted' : `is ${record.status}`
  return `A record keeps its board when it is accepted, and ${record.id} ${status}.`
}

/**
 * Private writing and reveal. During a private-writing phase each person writes notes only they
 * can see; the server keeps them off the board until they are revealed — by the facilitator for
 * everyone, or by each person for their own, as the phase allows. In an anonymous room nothing
 * revealed says who wrote it: no author, and an order that does not follow the authors either.
 */
import { currentPhase } from './phases.js'
import { err, ok, type Result } from './result.js'
import type { RoomState } from './room-state.js'
import { shuffle } from './shuffle.js'

export const PRIVATE_NOTE_LIMITS = { text: 1000, perPerson: 100 } as const

/** [fac:PW1] Private notes are written (and changed) only in a phase that allows it. */
export function checkPrivateWriting(state: RoomState): Result<void> {
  return currentPhase(state.plan).rules.privateWriting
    ? ok(undefined)
    : err('private writing is not open in this phase')
}

/** [fac:PW2] The facilitator reveals everyone's notes in any phase that allows revealing. */
export function checkRevealAll(state: RoomState): Result<void> {
  return currentPhase(state.plan).rules.reveal === 'none'
    ? err('this phase does not allow revealing notes')
    : ok(undefined)
}

/**
 * [fac:PW2][fac:AN2] Each person reveals their own only where the phase says so — and never in an
 * anonymous room, where the moment of a reveal would show whose notes they are.
 */
export function checkRevealOwn(state: RoomState): Result<void> {
  if (state.settings.anonymous)
    return err('in an anonymous room the facilitator reveals all notes at once')
  return currentPhase(state.plan).rules.reveal === 'self'
    ? ok(undefined)
    : err('in this phase only the facilitator reveals notes')
}

export interface RevealableNote {
  readonly memberId: string
  readonly createdAt: Date
}

/**
 * [fac:AN1] The order notes appear in: shuffled in an anonymous room (so position says nothing of the
 * author), otherwise grouped by author in the order they started writing.
 */
export function revealOrder<T extends RevealableNote>(
  notes: readonly T[],
  anonymous: boolean,
  random: () => number = Math.random,
): T[] {
  if (anonymous) return shuffle(notes, random)
  const firstNote = new Map<string, number>()
  for (const note of notes) {
    const at = note.createdAt.getTime()
    firstNote.set(note.memberId, Math.min(firstNote.get(note.memberId) ?? at, at))
  }
  return [...notes].sort(
    (a, b) =>
      (firstNote.get(a.memberId) ?? 0) - (firstNote.get(b.memberId) ?? 0) ||
      a.memberId.localeCompare(b.memberId) ||
      a.createdAt.getTime() - b.createdAt.getTime(),
  )
}

export interface Point {
  readonly x: number
  readonly y: number
}

const NOTE_SIZE = 200
const GAP = 40
const COLUMNS = 6

/**
 * Where revealed notes go: a grid starting below everything already on the board (left-aligned
 * with it), so nothing is covered.
 */
export function revealPositions(existing: readonly Point[], count: number): Point[] {
  const left = existing.length > 0 ? Math.min(...existing.map((p) => p.x)) : 0
  const top = existing.length > 0 ? Math.max(...existing.map((p) => p.y)) + NOTE_SIZE + 2 * GAP : 0
  return Array.from({ length: count }, (_, i) => ({
    x: left + (i % COLUMNS) * (NOTE_SIZE + GAP),
    y: top + Math.floor(i / COLUMNS) * (NOTE_SIZE + GAP),
  }))
}

/**
 * Round-robin sharing: people take turns, in an order (the first person chosen by the
 * facilitator — in a pre-mortem, the plan owner), and each reveals one private note per turn,
 * until everyone's notes are shared. Someone with nothing left to share is passed over.
 */
import { currentPhase } from './phases.js'
import { err, ok, type Result } from './result.js'
import type { RoomState } from './room-state.js'

export interface TurnTaker {
  readonly memberId: string
  readonly name: string
}

export interface Turns {
  /** Everyone who had something to share when the round started, in turn order. */
  readonly order: readonly TurnTaker[]
  /** Whose turn it is (an index into `order`), or null when everything is shared. */
  readonly current: number | null
  /** How many notes have been shared so far in this round. */
  readonly shared: number
}

/**
 * [fac:RR1] Starts a round among the people who still have notes to share (`writers`, in the order
 * they began writing), with `firstId` — if among them — going first.
 */
export function startTurns(writers: readonly TurnTaker[], firstId: string | null): Result<Turns> {
  if (writers.length === 0) return err('nobody has notes left to share')
  const first = writers.findIndex((writer) => writer.memberId === firstId)
  const order = first > 0 ? [writers[first]!, ...writers.filter((_, i) => i !== first)] : writers
  return ok({ order, current: 0, shared: 0 })
}

/** Whose turn it is, if anyone's. */
export function turnTaker(turns: Turns | null): TurnTaker | null {
  if (!turns || turns.current === null) return null
  return turns.order[turns.current] ?? null
}

/**
 * [fac:RR2] May this member reveal a note now? Only in a round-robin phase, on their own turn — and
 * never in an anonymous room, where a turn would show whose note it is (the facilitator reveals
 * everyone's at once instead).
 */
export function checkRevealTurn(state: RoomState, memberId: string): Result<void> {
  if (state.settings.anonymous)
    return err('in an anonymous room the facilitator reveals all notes at once')
  if (currentPhase(state.plan).rules.reveal !== 'turn')
    return err('this phase does not share notes in turns')
  const taker = turnTaker(state.turns)
  if (!taker) return err('no round is under way; the facilitator starts one')
  if (taker.memberId !== memberId) return err(`it is ${taker.name}'s turn`)
  return ok(undefined)
}

/**
 * [fac:RR3] Passes the turn on after a share (or a skip): to the next person in order who still has
 * notes, round and round; the round ends when nobody has any left.
 */
export function passTurn(
  turns: Turns,
  hasNotesLeft: (memberId: string) => boolean,
  shared: boolean,
): Turns {
  const counted = { ...turns, shared: turns.shared + (shared ? 1 : 0) }
  if (turns.current === null) return counted
  const n = turns.order.length
  for (let step = 1; step <= n; step++) {
    const next = (turns.current + step) % n
    const taker = turns.order[next]
    if (taker && hasNotesLeft(taker.memberId)) return { ...counted, current: next }
  }
  return { ...counted, current: null }
}

/**
 * Dot voting. The facilitator opens a vote over items (notes or groups) with a number of dots per
 * person and a cap per item; people place and take back their own dots while it is open; tallies
 * stay hidden until the facilitator closes it, and a closed vote is final.
 *
 * Ballots are kept by the server only; what everyone sees is `PublicVote`.
 */
import { err, ok, type Result } from './result.js'

export interface VoteItem {
  readonly id: string
  readonly label: string
}

export interface VoteConfig {
  readonly items: readonly VoteItem[]
  readonly dotsPerPerson: number
  /** How many of one person's dots may go on one item (1 = one dot per item). */
  readonly maxPerItem: number
}

export interface VoteResult {
  readonly itemId: string
  readonly label: string
  readonly dots: number
  /** 1 for the most dots; items with equal dots share a rank. */
  readonly rank: number
}

/** What everyone sees of a vote: its setup, whether it is open, and — once closed — the results. */
export interface PublicVote extends VoteConfig {
  readonly id: string
  readonly status: 'open' | 'closed'
  readonly openedAt: number
  readonly closedAt: number | null
  readonly results: readonly VoteResult[] | null
  /** How many people voted; known once closed. */
  readonly voters: number | null
}

/** One person's dots: item id → dots placed. */
export type Ballot = Readonly<Record<string, number>>

export const VOTE_LIMITS = { items: 200, dotsPerPerson: 20, label: 200 } as const

/** [fac:V1] Checks a vote's setup. */
export function checkVoteConfig(config: VoteConfig): Result<VoteConfig> {
  const { items, dotsPerPerson, maxPerItem } = config
  if (items.length === 0) return err('a vote needs at least one item')
  if (items.length > VOTE_LIMITS.items) return err(`a vote has at most ${VOTE_LIMITS.items} items`)
  if (new Set(items.map((item) => item.id)).size !== items.length)
    return err('an item is listed twice')
  if (
    !Number.isInteger(dotsPerPerson) ||
    dotsPerPerson < 1 ||
    dotsPerPerson > VOTE_LIMITS.dotsPerPerson
  ) {
    return err(`each person has 1 to ${VOTE_LIMITS.dotsPerPerson} dots`)
  }
  if (!Number.isInteger(maxPerItem) || maxPerItem < 1 || maxPerItem > dotsPerPerson) {
    return err('dots per item must be between 1 and the dots per person')
  }
  return ok(config)
}

export function openVote(id: string, config: VoteConfig, now: number): Result<PublicVote> {
  const checked = checkVoteConfig(config)
  if (!checked.ok) return checked
  return ok({
    ...checked.value,
    id,
    status: 'open',
    openedAt: now,
    closedAt: null,
    results: null,
    voters: null,
  })
}

export function dotsUsed(ballot: Ballot): number {
  return Object.values(ballot).reduce((sum, dots) => sum + dots, 0)
}

/**
 * [fac:V2] Places (`+1`) or takes back (`-1`) one of a person's dots. Nobody exceeds their dots or
 * the per-item cap, only listed items take dots, and a closed vote takes none.
 */
export function castDot(
  vote: PublicVote,
  ballot: Ballot,
  itemId: string,
  delta: 1 | -1,
): Result<Ballot> {
  if (vote.status !== 'open') return err('this vote is closed')
  if (!vote.items.some((item) => item.id === itemId))
    return err('that item is not part of this vote')
  const onItem = ballot[itemId] ?? 0
  if (delta === -1) {
    if (onItem === 0) return err('you have no dot on that item')
    const { [itemId]: _removed, ...rest } = ballot
    return ok(onItem === 1 ? rest : { ...ballot, [itemId]: onItem - 1 })
  }
  if (dotsUsed(ballot) >= vote.dotsPerPerson)
    return err(`you have used all ${vote.dotsPerPerson} of your dots`)
  if (onItem >= vote.maxPerItem) {
    return err(
      vote.maxPerItem === 1
        ? 'one dot per item in this vote'
        : `at most ${vote.maxPerItem} dots per item`,
    )
  }
  return ok({ ...ballot, [itemId]: onItem + 1 })
}

/** [fac:V3] Counts every ballot: items ranked by dots (ties share a rank, in the vote's order). */
export function tally(items: readonly VoteItem[], ballots: readonly Ballot[]): VoteResult[] {
  const counted = items.map((item, order) => ({
    item,
    order,
    dots: ballots.reduce((sum, ballot) => sum + (ballot[item.id] ?? 0), 0),
  }))
  counted.sort((a, b) => b.dots - a.dots || a.order - b.order)
  return counted.map(({ item, dots }) => ({
    itemId: item.id,
    label: item.label,
    dots,
    rank: 1 + counted.filter((other) => other.dots > dots).length,
  }))
}

/** [fac:V3] Closes the vote with its results; a closed vote stays closed. */
export function closeVote(
  vote: PublicVote,
  ballots: readonly Ballot[],
  now: number,
): Result<PublicVote> {
  if (vote.status !== 'open') return err('this vote is already closed')
  const voters = ballots.filter((ballot) => dotsUsed(ballot) > 0).length
  return ok({
    ...vote,
    status: 'closed',
    closedAt: now,
    results: tally(vote.items, ballots),
    voters,
  })
}

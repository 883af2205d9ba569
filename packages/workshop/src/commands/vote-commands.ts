import { ApiError } from '@accord/api'
import { randomBytes } from 'node:crypto'
import type { BallotView } from '@accord/api'
import { castDot, closeVote, currentPhase, dotsUsed, err, openVote } from '@accord/facilitation'
import { requireMember } from '../credential.js'
import { type CommandContext, defineCommand } from './command.js'
import { changeState } from './phase-commands.js'

/** Opens a dot vote over items (notes or groups on the board). */
export const voteOpen = defineCommand('vote.open', {
  requires: 'room.facilitate',
  action: 'open a vote',
  run: (context, { items, dotsPerPerson, maxPerItem }) =>
    changeState(context, (state) => {
      if (!currentPhase(state.plan).rules.voting)
        return err('the current phase does not allow voting')
      if (state.vote?.status === 'open') return err('a vote is already open; close it first')
      const id = randomBytes(9).toString('base64url')
      const vote = openVote(id, { items, dotsPerPerson, maxPerItem }, context.now())
      return vote.ok ? { ok: true, value: { vote: vote.value } } : vote
    }),
})

/** Places or takes back one of the caller's own dots. */
export const voteCast = defineCommand('vote.cast', {
  requires: 'vote.cast',
  action: 'vote',
  hiddenInput: true,
  async run(context, { itemId, delta }) {
    const voter = requireMember(context.credential).id
    // Not read from storage (a cast is the busiest command): under scale-out this instance may
    // not have heard of a close yet, which the ballot's own transaction then refuses.
    const { vote } = await context.roomStates.read(context.credential.roomId)
    if (!vote) throw new ApiError(409, 'refused', 'there is no vote')
    const ballot = await context.ballots.change(
      context.credential.roomId,
      vote.id,
      voter,
      (current) => castDot(vote, current, itemId, delta),
      'this vote is closed',
    )
    if (!ballot.ok) throw new ApiError(409, 'refused', ballot.error)
    return ballotView(vote, ballot.value)
  },
})

/** Closes the open vote: the tally is published to everyone, and the vote is final. */
export const voteClose = defineCommand('vote.close', {
  requires: 'room.facilitate',
  action: 'close a vote',
  async run(context) {
    const { roomId } = context.credential
    const { vote } = await context.roomStates.readCurrent(roomId)
    if (!vote) throw new ApiError(409, 'refused', 'there is no vote')
    if (vote.status !== 'open') throw new ApiError(409, 'refused', 'this vote is already closed')
    // From here no ballot is stored for this vote, on any instance: the tally counts them all.
    const ballots = await context.ballots.close(roomId, vote.id, new Date(context.now()))
    return changeState(context, () => {
      const closed = closeVote(vote, ballots, context.now())
      return closed.ok ? { ok: true, value: { vote: closed.value } } : closed
    })
  },
})

/** The caller's own dots in the current vote (nobody else's are ever returned). */
export async function ownBallot(context: CommandContext): Promise<BallotView> {
  const voter = requireMember(context.credential).id
  const { vote } = await context.roomStates.read(context.credential.roomId)
  if (!vote) return { voteId: null, ballot: {}, dotsLeft: 0 }
  return ballotView(vote, await context.ballots.find(vote.id, voter))
}

function ballotView(
  vote: { id: string; dotsPerPerson: number },
  ballot: Record<string, number>,
): BallotView {
  return { voteId: vote.id, ballot, dotsLeft: vote.dotsPerPerson - dotsUsed(ballot) }
}

import { currentPhase, err, passTurn, startTurns } from '@accord/facilitation'
import { roomMembers } from '../workshops/live-result.js'
import { defineCommand } from './command.js'
import { changeState } from './phase-commands.js'

/**
 * [fac:RR1] Starts a round-robin share among everyone with unrevealed notes, `firstMemberId` (e.g.
 * the plan owner) first, then in the order people began writing.
 */
export const turnsStart = defineCommand('turns.start', {
  requires: 'room.facilitate',
  action: 'start a round-robin',
  async run(context, { firstMemberId }) {
    const { roomId } = context.credential
    const [notes, members] = await Promise.all([
      context.notes.unrevealed(roomId),
      roomMembers(context, roomId),
    ])
    const names = new Map(members.map((member) => [member.id, member.name]))
    const writers = [...new Set(notes.map((note) => note.memberId))].map((memberId) => ({
      memberId,
      name: names.get(memberId) ?? 'Someone',
    }))
    return changeState(context, (state) => {
      if (currentPhase(state.plan).rules.reveal !== 'turn')
        return err('this phase does not share notes in turns')
      const turns = startTurns(writers, firstMemberId)
      return turns.ok ? { ok: true, value: { turns: turns.value } } : turns
    })
  },
})

/** [fac:RR3] Passes over the person whose turn it is (they are not ready, or have left). */
export const turnsSkip = defineCommand('turns.skip', {
  requires: 'room.facilitate',
  action: 'skip a turn',
  async run(context) {
    const left = await context.notes.unrevealedCounts(context.credential.roomId)
    return changeState(context, (state) =>
      state.turns && state.turns.current !== null
        ? {
            ok: true,
            value: { turns: passTurn(state.turns, (m) => (left.get(m) ?? 0) > 0, false) },
          }
        : err('no round is under way'),
    )
  },
})

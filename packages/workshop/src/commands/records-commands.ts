import { ApiError } from '@accord/api'
import { freeDecisionDraft, takesFreeDecisions } from '@accord/records'
import { requireMember } from '../credential.js'
import { withBoardState } from '../records/board-state.js'
import { saveWorkshopRecords } from '../records/save-records.js'
import { liveWithMembers } from '../workshops/live-result.js'
import { defineCommand } from './command.js'

/**
 * "Record decision": saves what the workshop has reached so far as records — its decision (as
 * proposed, accepted or rejected), its owned actions, risks, themes, insights — without closing it.
 */
export const recordsSave = defineCommand('records.save', {
  requires: 'room.facilitate',
  action: 'record decisions',
  async run(context) {
    const self = requireMember(context.credential)
    const { saved } = await saveWorkshopRecords(
      context,
      context.credential.roomId,
      self.name,
      new Date(context.now()),
    )
    return saved
  },
})

/**
 * "Record decision" on a board without decision steps of its own (rec:DR9): a free-form decision,
 * its decision-makers members of this workshop and its shape one on this board, or refused.
 */
export const decisionCreate = defineCommand('decision.create', {
  requires: 'room.facilitate',
  action: 'record decisions',
  async run(context, input) {
    const self = requireMember(context.credential)
    const { roomId } = context.credential
    const { live, members } = await liveWithMembers(context, roomId)
    if (!takesFreeDecisions(live.result)) {
      throw new ApiError(
        409,
        'refused',
        'a disagree-and-commit records its decision through its steps: the proposal, stances and the decider',
      )
    }
    const decisionMakers = input.decisionMakerIds.map((id) => {
      const member = members.find((m) => m.id === id)
      if (!member)
        throw new ApiError(
          400,
          'invalid_command',
          'decision-makers must be members of this workshop',
        )
      return member.name
    })
    if (input.shapeId !== null && !live.board.some((record) => idOf(record) === input.shapeId)) {
      throw new ApiError(400, 'invalid_command', 'shapeId: no such shape on this board')
    }
    const at = new Date(context.now())
    const source = {
      roomId,
      workshopTitle: live.title,
      template: live.template.id,
      shapeIds: input.shapeId === null ? [] : [input.shapeId],
    }
    const draft = freeDecisionDraft(
      { ...input, decisionMakers: [...new Set(decisionMakers)] },
      source,
      at,
    )
    // Accepted, it keeps the board as it is now (rec:BS1).
    return withBoardState(context.registry, roomId, (board) =>
      context.records.createDecision(draft, self.name, at, board),
    )
  },
})

/** A board record's id, if it has one. */
const idOf = (record: unknown) =>
  typeof record === 'object' && record !== null && 'id' in record ? record.id : undefined

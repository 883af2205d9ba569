import { ApiError } from '@accord/api'
import type { TemplateActionResult } from '@accord/api'
import type { ActionEffect, AnyTemplate, OptionValues, WorkshopAction } from '@accord/templates'
import { z } from 'zod'
import { requireMember } from '../credential.js'
import { showFollowUpOnBoard } from '../records/action-follow-up.js'
import { writeBoardContent } from '../records/board-content.js'
import { appendToLedger } from '../records/workshop-ledger.js'
import { followDecisionLedger } from '../records/save-records.js'
import { boardRecords, roomMembers, templateOf } from '../workshops/live-result.js'
import type { CommandContext, CommandDefinition } from './command.js'
import { changeState } from './phase-commands.js'

/**
 * The commands a room's template adds (e.g. `stance.give` in a disagree-and-commit room), found
 * by the room's template; null if the template has no such action.
 */
export async function templateCommand(
  context: CommandContext,
  type: string,
): Promise<CommandDefinition | null> {
  const state = await context.roomStates.read(context.credential.roomId)
  const action = Object.hasOwn(templateOf(state).actions, type)
    ? templateOf(state).actions[type]
    : undefined
  if (!action) return null
  return {
    // The template's action validates its own input (`defineAction`).
    schema: z.unknown(),
    requires: action.requires,
    action: action.action,
    // Actions on hidden submissions (a stance, scores) are audited without their input.
    hiddenInput: action.submissions !== undefined,
    run: (ctx, input) => runTemplateAction(ctx, action, input),
  }
}

/** The names of the template's commands in a room, for "unknown command" answers. */
export async function templateCommandTypes(context: CommandContext): Promise<string[]> {
  const state = await context.roomStates.read(context.credential.roomId)
  return Object.keys(templateOf(state).actions)
}

/**
 * Runs a template action: the template decides (purely) from the room's state, people, hidden
 * submissions and board; the server stores the actor's submission and the new public state.
 */
async function runTemplateAction(
  context: CommandContext,
  action: WorkshopAction,
  input: unknown,
): Promise<TemplateActionResult> {
  const self = requireMember(context.credential)
  const { roomId, role } = context.credential
  const state = await context.roomStates.read(roomId)
  const workshop = state.workshop
  if (!workshop) throw new ApiError(409, 'refused', 'this room follows no template')
  const kind = action.submissions
  const [members, submissions, records] = await Promise.all([
    roomMembers(context, roomId),
    kind ? context.workshops.submissions(roomId, kind) : Promise.resolve([]),
    boardRecords(context, roomId),
  ])
  const outcome = action.run(
    {
      state,
      options: workshop.options as OptionValues,
      data: workshop.data,
      actor: { id: self.id, name: self.name, role },
      members,
      submissions,
      records,
      now: context.now(),
      random: Math.random,
    },
    input,
  )
  if (!outcome.ok) {
    throw outcome.invalid
      ? new ApiError(400, 'invalid_command', outcome.error)
      : new ApiError(409, 'refused', outcome.error)
  }
  const { data, spotlight, submit, followUp } = outcome.value
  if (submit !== undefined && kind) {
    await context.workshops.putSubmission(roomId, kind, self.id, submit, new Date(context.now()))
  }
  const changed = await changeState(context, (current) => ({
    ok: true,
    value: {
      ...(data && current.workshop ? { workshop: { ...current.workshop, data } } : {}),
      ...(spotlight === undefined ? {} : { spotlight }),
    },
  }))
  await appendToLedger(context, state, changed.state, {
    submitted: submit !== undefined,
    ...(data ? { after: data } : {}),
  })
  if (data) await keepBoardContent(context, templateOf(state), workshop.data, data)
  if (followUp) await followUpAction(context, followUp, self.name)
  // Once closed, the workshop's records are kept; what still happens joins its decision's ledger.
  if (workshop.closedAt !== null) {
    await followDecisionLedger(context, roomId, new Date(context.now()))
  }
  return submit === undefined ? changed : { ...changed, submitted: submit }
}

/**
 * Writes what the template shows on the board from its data (tpl:DC6) — only when the action
 * changed it: most (a stance, a commitment) change nothing the board shows, so the board is left
 * alone. A board from before the template wrote its content gets it at the next change that does.
 */
async function keepBoardContent(
  context: CommandContext,
  template: AnyTemplate,
  before: Readonly<Record<string, unknown>>,
  data: Readonly<Record<string, unknown>>,
): Promise<void> {
  if (!template.boardContent) return
  const shown = (d: Readonly<Record<string, unknown>>) =>
    JSON.stringify(template.boardContent?.(d, null))
  if (shown(data) === shown(before)) return
  await writeBoardContent(context, context.credential.roomId)
}

/**
 * A stored action item's status as a later workshop's review found it (fac:AI4): the follow-up
 * view and the board it came from say so at once. The item's id comes from the server's own
 * workshop data (set when this room was made, by a facilitator of the earlier one), never from
 * the client; a verdict that changes nothing is no change.
 */
async function followUpAction(
  context: CommandContext,
  followUp: NonNullable<ActionEffect['followUp']>,
  by: string,
): Promise<void> {
  const updated = await context.records.updateActionItem(
    followUp.actionId,
    { status: followUp.status },
    by,
    new Date(context.now()),
  )
  if (updated?.ok) await showFollowUpOnBoard(context, [updated.value])
}

import {
  ApiError,
  type CommandSchemas,
  type CommandType,
  describeIssue,
  isCommandType,
} from '@accord/api'
import { can } from '@accord/facilitation'
import { z } from 'zod'
import { underRoomLock } from '../room-state/room-lock.js'
import { recordAudit } from './audit-log.js'
import type { CommandContext, CommandDefinition } from './command.js'
import { lockSet } from './lock-commands.js'
import { memberRename } from './member-rename.js'
import { phaseSet, phasesUpdate } from './phase-commands.js'
import { notesAdd, notesDelete, notesEdit, notesReveal } from './private-note-commands.js'
import { timerExtend, timerPause, timerReset, timerResume, timerStart } from './timer-commands.js'
import { decisionCreate, recordsSave } from './records-commands.js'
import { actionClear, actionSet } from './action-commands.js'
import { roomSettings } from './settings-commands.js'
import { summon } from './summon-command.js'
import { tokenRotate } from './token-rotate.js'
import { templateCommand, templateCommandTypes } from './template-actions.js'
import { turnsSkip, turnsStart } from './turn-commands.js'
import { voteCast, voteClose, voteOpen } from './vote-commands.js'
import { spotlightSet, workshopClose } from './workshop-commands.js'

/**
 * Every command any room accepts, by its `type`: exactly those the contract lists
 * (`commandSchemas` in `@accord/api`). A room's template adds its own.
 */
const commands: { readonly [Type in CommandType]: CommandDefinition<CommandSchemas[Type]> } = {
  'token.rotate': tokenRotate,
  'member.rename': memberRename,
  'phase.set': phaseSet,
  'phases.update': phasesUpdate,
  'timer.start': timerStart,
  'timer.pause': timerPause,
  'timer.resume': timerResume,
  'timer.extend': timerExtend,
  'timer.reset': timerReset,
  'lock.set': lockSet,
  'vote.open': voteOpen,
  'vote.cast': voteCast,
  'vote.close': voteClose,
  'notes.add': notesAdd,
  'notes.edit': notesEdit,
  'notes.delete': notesDelete,
  'notes.reveal': notesReveal,
  'room.settings': roomSettings,
  summon,
  'spotlight.set': spotlightSet,
  'turns.start': turnsStart,
  'turns.skip': turnsSkip,
  'workshop.close': workshopClose,
  'records.save': recordsSave,
  'decision.create': decisionCreate,
  'action.set': actionSet,
  'action.clear': actionClear,
}

export const commandTypes = Object.keys(commands)

const envelope = z.object({ type: z.string({ error: 'type: must be a string' }) })

/**
 * Validates, authorises and runs one command, and records it in the room's audit log whatever
 * the outcome (`audit-log.ts`: a body only while small, the newest entries kept). A command
 * carrying someone's hidden input (a private note, a dot, a stance, scores) is logged without
 * it: who sent it and when, never what — not even through the reason it was refused for (e.g.
 * "a block needs a reason"), except a refusal by role.
 */
export async function dispatchCommand(context: CommandContext, body: unknown): Promise<unknown> {
  const type = envelope.safeParse(body).data?.type ?? '(none)'
  const resolved: { command?: CommandDefinition } = {}
  const logged = () => (resolved.command?.hiddenInput ? { type } : body)
  try {
    // A room's commands run one at a time — across instances too, under scale-out — so each sees
    // the state the previous one left: e.g. a dot cast cannot slip in between a vote's count and
    // its close.
    const result = await underRoomLock(context.roomLock, context.credential.roomId, () =>
      run(context, type, body, resolved),
    )
    await recordAudit(context, { type, payload: logged(), outcome: 'accepted', reason: null })
    return result
  } catch (error) {
    if (error instanceof ApiError) {
      const hidden = resolved.command?.hiddenInput === true && error.status !== 403
      const reason = hidden ? error.code : error.message
      await recordAudit(context, { type, payload: logged(), outcome: 'refused', reason })
    }
    throw error
  }
}

async function run(
  context: CommandContext,
  type: string,
  body: unknown,
  resolved: { command?: CommandDefinition },
): Promise<unknown> {
  const command: CommandDefinition | null = isCommandType(type)
    ? commands[type]
    : await templateCommand(context, type)
  if (!command) {
    const known = [...commandTypes, ...(await templateCommandTypes(context))]
    throw new ApiError(400, 'unknown_command', `unknown command type; one of: ${known.join(', ')}`)
  }
  resolved.command = command
  const { role, member } = context.credential
  const allowed = command.requires === 'member' ? member !== null : can(role, command.requires)
  if (!allowed) throw new ApiError(403, 'forbidden', `a ${role} may not ${command.action}`)
  const parsed = command.schema.safeParse(body)
  if (!parsed.success) throw new ApiError(400, 'invalid_command', describeIssue(parsed.error))
  return command.run(context, parsed.data)
}

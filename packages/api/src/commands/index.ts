/**
 * `POST /api/rooms/:id/commands`: every change to a room's state is a command `{ type, … }`.
 * The server's own commands are validated with the schemas here; a room's template adds its own
 * (`template-actions.ts`).
 */
import { z } from 'zod'
import { route, type Sent } from '../route.js'
import type { CommandResults, TemplateActionResult } from './results.js'
import type { TemplateCommand } from './template-actions.js'
import { notesAdd, notesDelete, notesEdit, notesReveal } from './notes.js'
import {
  phaseSet,
  phasesUpdate,
  timerExtend,
  timerPause,
  timerReset,
  timerResume,
  timerStart,
  turnsSkip,
  turnsStart,
} from './phases.js'
import { lockSet, memberRename, roomSettings, spotlightSet, summon, tokenRotate } from './room.js'
import { voteCast, voteClose, voteOpen } from './votes.js'
import { decisionCreate, recordsSave, workshopClose } from './workshop.js'
import { actionClear, actionSet } from './actions.js'
export { ACTION_TEXT_MAX } from './actions.js'

/** Every command any room accepts, by its `type` (in the order refusals list them). */
export const commandSchemas = {
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
} as const

export type CommandSchemas = typeof commandSchemas
export type CommandType = keyof CommandSchemas

/** One of the server's own commands as a client sends it (fields with defaults may be left out). */
export type CommandInput<T extends CommandType = CommandType> = Sent<z.input<CommandSchemas[T]>>

/** One of the server's own commands once validated (defaults filled in). */
export type ParsedCommand<T extends CommandType = CommandType> = z.output<CommandSchemas[T]>

/** Any command a room may be sent: the server's own, or its template's. */
export type RoomCommand = CommandInput | TemplateCommand
export type RoomCommandType = RoomCommand['type']

/** What a command answers when it is accepted. */
export type CommandResult<T extends RoomCommandType = RoomCommandType> = T extends CommandType
  ? CommandResults[T]
  : TemplateActionResult

/** Is this one of the server's own commands (not its template's)? */
export function isCommandType(type: string): type is CommandType {
  return Object.hasOwn(commandSchemas, type)
}

/**
 * The body as the route takes it: any JSON, since the command's own schema is chosen by its
 * `type` (the server's `commandSchemas`, or the room's template's actions).
 */
export const roomCommandBody = z.custom<RoomCommand>()

export const commandRoutes = {
  send: route<CommandResult>()({
    method: 'POST',
    path: '/api/rooms/:id/commands',
    summary: 'Sends a command: validated by its type, authorised by role, run under the room lock.',
    credentials: 'room',
    body: roomCommandBody,
    answer: 'json',
  }),
} as const

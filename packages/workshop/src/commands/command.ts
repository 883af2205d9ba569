import type {
  AccessRepository,
  BallotRepository,
  PrivateNoteRepository,
  RecordRepository,
  RoomLock,
  RoomRepository,
  WorkshopRepository,
} from '@accord/db'
import {
  type CommandResults,
  commandSchemas,
  type CommandSchemas,
  type CommandType,
  type ParsedCommand,
} from '@accord/api'
import type { RoomRegistry } from '@accord/sync'
import type { Permission } from '@accord/facilitation'
import type { z } from 'zod'
import type { Connections, RoomCredential } from '../credential.js'
import type { BoardWriter } from '../room-state/board-writer.js'
import type { RoomStates } from '../room-state/room-states.js'

/** What a command may use: the caller's credential and the room's services. */
export interface CommandContext {
  readonly credential: RoomCredential
  readonly rooms: RoomRepository
  readonly registry: RoomRegistry
  readonly workshops: WorkshopRepository
  readonly records: RecordRepository
  readonly access: AccessRepository
  readonly connections: Connections
  readonly roomStates: RoomStates
  readonly ballots: BallotRepository
  readonly notes: PrivateNoteRepository
  readonly board: BoardWriter
  /** Commands of one room take turns, on every instance (`dispatch.ts`). */
  readonly roomLock: RoomLock
  /** The origin share links are built on (e.g. https://accord.example.org). */
  readonly origin: string
  /** A new share-link token (the server's access layer makes them). */
  readonly newLinkToken: () => string
  /** Server time in ms; injectable so tests control the clock. */
  readonly now: () => number
}

/**
 * One command of `POST /api/rooms/:id/commands`: its input schema (from `@accord/api`, or a
 * template's), who may send it, and what it does. `run` returns the new state the caller sees,
 * or throws an ApiError.
 */
export interface CommandDefinition<Schema extends z.ZodType = z.ZodType> {
  readonly schema: Schema
  /** A permission, or 'member' for commands any joined person may send about themselves. */
  readonly requires: Permission | 'member'
  /** Completes "a <role> may not …" in refusals. */
  readonly action: string
  /** Its input is someone's hidden input: the audit log records that it was sent, not what. */
  readonly hiddenInput?: boolean
  run(context: CommandContext, input: z.output<Schema>): Promise<unknown>
}

/**
 * One of the server's own commands: its schema is the contract's (`commandSchemas[type]`), and
 * the compiler holds what `run` answers to the contract's `CommandResults[type]`.
 */
export function defineCommand<Type extends CommandType>(
  type: Type,
  definition: Omit<CommandDefinition<CommandSchemas[Type]>, 'schema' | 'run'> & {
    run(context: CommandContext, input: ParsedCommand<Type>): Promise<CommandResults[Type]>
  },
): CommandDefinition<CommandSchemas[Type]> {
  return { ...definition, schema: commandSchemas[type] }
}

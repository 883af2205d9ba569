/** What each command answers when it is accepted (a refusal is an `ApiErrorBody`). */
import type { Role, RoomState } from '@accord/facilitation'
import type { ActionItemRecord, DecisionRecord } from '@accord/records'
import type { WorkshopResult } from '@accord/templates'
import type { SavedRecords } from '../room-records.js'
import type { BallotView, PrivateNote } from '../room-reads.js'
import type { RoomMember, ShareLinks } from '../rooms.js'

/**
 * The room's public state after the change, and the server's clock. Everyone receives the new
 * state through the room's document as well; the answer is for the sender.
 */
export interface StateChanged {
  readonly state: RoomState
  readonly serverNow: number
}

export interface TokenRotated {
  readonly role: Role
  /** How many open connections were closed (4401). */
  readonly disconnected: number
  readonly links: ShareLinks
}

export interface Renamed {
  readonly member: RoomMember
}

export interface NoteAdded {
  readonly note: PrivateNote
}

/** The caller's own notes after the change. */
export interface OwnNotes {
  readonly notes: readonly PrivateNote[]
}

/** How many notes went on the board; a reveal on one's turn passes the turn, so has a state. */
export interface NotesRevealed extends Partial<StateChanged> {
  readonly revealed: number
}

export interface WorkshopClosed extends StateChanged {
  readonly result: WorkshopResult
  readonly records: SavedRecords
  /** The stored result's version: each close adds one. */
  readonly version: number
  readonly closedAt: string
}

/** A template's command: the new state, and the caller's hidden input when it stored one. */
export interface TemplateActionResult extends StateChanged {
  readonly submitted?: unknown
}

/** The answer of each of the server's own commands, by type. */
export interface CommandResults {
  readonly 'token.rotate': TokenRotated
  readonly 'member.rename': Renamed
  readonly 'phase.set': StateChanged
  readonly 'phases.update': StateChanged
  readonly 'timer.start': StateChanged
  readonly 'timer.pause': StateChanged
  readonly 'timer.resume': StateChanged
  readonly 'timer.extend': StateChanged
  readonly 'timer.reset': StateChanged
  readonly 'lock.set': StateChanged
  readonly 'vote.open': StateChanged
  readonly 'vote.cast': BallotView
  readonly 'vote.close': StateChanged
  readonly 'notes.add': NoteAdded
  readonly 'notes.edit': OwnNotes
  readonly 'notes.delete': OwnNotes
  readonly 'notes.reveal': NotesRevealed
  readonly 'room.settings': StateChanged
  readonly summon: StateChanged
  readonly 'spotlight.set': StateChanged
  readonly 'turns.start': StateChanged
  readonly 'turns.skip': StateChanged
  readonly 'workshop.close': WorkshopClosed
  readonly 'records.save': SavedRecords
  readonly 'decision.create': DecisionRecord
  readonly 'action.set': ActionItemRecord
  readonly 'action.clear': ActionItemRecord | null
}

/**
 * Accord's application layer: what happens to a room's shared state, framework-free. The server
 * wires it to storage, access and its routes; nothing here knows HTTP or sockets.
 *
 * - commands (`commands/`): every room command, its context port, dispatch under the room lock,
 *   the audit log, template actions;
 * - room state (`room-state/`): a room's server-owned state, writes onto its board, the room lock;
 * - workshops (`workshops/`): set-up for a template, follow-ups, the live result;
 * - records (`records/`): saving a workshop's records;
 * - sync policy (`sync/`): what a client may write, and presence stamped with who it is.
 */
export {
  type Connections,
  type CredentialResolver,
  requireMember,
  type RoomCredential,
} from './credential.js'
export { presentLinks, presentRoom, shareLink } from './present-room.js'

export { auditBounds, auditedBody, recordAudit } from './commands/audit-log.js'
export { type CommandContext, type CommandDefinition, defineCommand } from './commands/command.js'
export { commandTypes, dispatchCommand } from './commands/dispatch.js'
export { presentNote } from './commands/private-note-commands.js'
export { ownBallot } from './commands/vote-commands.js'

export { type ActionFollowUp, BoardWriter, type NewNote } from './room-state/board-writer.js'
export { EXTERNAL_OWNER, showFollowUpOnBoard } from './records/action-follow-up.js'
export { underRoomLock } from './room-state/room-lock.js'
export { RoomStates, SERVER_ORIGIN } from './room-state/room-states.js'
export { withRoom } from './room-state/with-room.js'

export { setUpWorkshop } from './workshops/create-workshop.js'
export {
  boardRecords,
  liveResult,
  type LiveResult,
  roomMembers,
  templateOf,
} from './workshops/live-result.js'
export { previousWorkshop } from './workshops/previous-workshop.js'
export type { WorkshopServices } from './workshops/workshop-services.js'
export { revisitedDecision } from './workshops/revisited-decision.js'
export { revisitedBy, saveWorkshopRecords } from './records/save-records.js'
export { showDecisionsOnBoards } from './records/board-content.js'
export { withBoardState } from './records/board-state.js'

export { type StampedIdentity, stampPresence } from './sync/presence-stamp.js'
export {
  boardWritePolicy,
  SERVER_OWNED_PREFIX,
  type WritePolicyOptions,
  type WriteRefusal,
} from './sync/write-policy.js'

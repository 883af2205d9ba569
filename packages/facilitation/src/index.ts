export {
  applyLock,
  BOARD_RECORDS_MAP,
  checkLockedWrites,
  isInLockedFrame,
  MAX_LOCKED_FRAMES,
  noLocks,
  type Locks,
  type RecordLookup,
  type RecordWrite,
} from './locks.js'
export {
  currentPhase,
  describeRules,
  goToPhase,
  initialPlan,
  LIMITS as PHASE_LIMITS,
  phasePresets,
  phaseInput,
  replacePhases,
  validMinutes,
  type Phase,
  type PhaseInput,
  type PhasePlan,
  type PhasePreset,
  type PhaseRules,
} from './phases.js'
export {
  checkPrivateWriting,
  checkRevealAll,
  checkRevealOwn,
  PRIVATE_NOTE_LIMITS,
  revealOrder,
  revealPositions,
  type Point,
  type RevealableNote,
} from './private-notes.js'
export { err, ok, type Result } from './result.js'
export { shuffle } from './shuffle.js'
export { can, isRole, roles, visibleLinkRoles, type Permission, type Role } from './roles.js'
export {
  initialRoomState,
  participantLocks,
  readRoomState,
  ROOM_STATE_MAP,
  type RoomSettings,
  type RoomState,
  type Summon,
  type SummonViewport,
  type Workshop,
} from './room-state.js'
export {
  checkRevealTurn,
  passTurn,
  startTurns,
  turnTaker,
  type TurnTaker,
  type Turns,
} from './turns.js'
export {
  extendTimer,
  formatRemaining,
  idleTimer,
  isTimeUp,
  pauseTimer,
  remainingMs,
  resumeTimer,
  startTimer,
  TIMER_LIMITS,
  type Timer,
} from './timer.js'
export {
  castDot,
  checkVoteConfig,
  closeVote,
  dotsUsed,
  openVote,
  tally,
  VOTE_LIMITS,
  type Ballot,
  type PublicVote,
  type VoteConfig,
  type VoteItem,
  type VoteResult,
} from './votes.js'
export {
  actionItems,
  boardGroups,
  DUE_DATE,
  isOverdue,
  plainText,
  readAction,
  type ActionItem,
  type ActionMeta,
  type ActionItemStatus,
  type BoardGroup,
} from './board-items.js'

export { members, roomCommands, roomLinks } from './access.js'
export { documentClientIds, documentSnapshots, documentUpdates } from './documents.js'
export { rooms } from './rooms.js'
export { sessions } from './sessions.js'
export { closedVotes, voteBallots } from './votes.js'
export { privateNotes } from './private-notes.js'
export { submissions, workshopResults } from './workshops.js'
export {
  actionItemEvents,
  actionItems,
  decisionRecords,
  decisionEvents,
  workshopEvents,
  decisionStatusEvents,
  workshopOutputs,
} from './records.js'
export { decisionSnapshots } from './decision-snapshots.js'

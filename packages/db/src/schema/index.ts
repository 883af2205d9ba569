export { members, roomCommands, roomLinks } from './access.js'
export { documentSnapshots, documentUpdates } from './documents.js'
export { rooms } from './rooms.js'
export { voteBallots } from './votes.js'

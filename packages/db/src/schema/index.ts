export { documentSnapshots, documentUpdates } from './documents.js'
export { rooms } from './rooms.js'

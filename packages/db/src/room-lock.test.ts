import { InProcessRoomLock } from './room-lock.js'
import { describeRoomLockContract } from './testing/contracts/room-lock-contract.js'

describeRoomLockContract('in process', async () => {
  const lock = new InProcessRoomLock()
  return { a: lock, b: lock, close: async () => {} }
})

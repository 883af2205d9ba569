import { type MemoryRelayEndpoint, MemoryRoomRelay } from './memory-room-relay.js'
import { describeRoomRelayContract } from './testing/room-relay-contract.js'

describeRoomRelayContract<MemoryRelayEndpoint>('memory', async () => {
  const hub = new MemoryRoomRelay({ goneAfterMs: 20 })
  return {
    instance: async () => hub.endpoint(),
    interrupt: async (relay) => {
      relay.disconnect()
      relay.reconnect()
    },
    crash: async (relay) => relay.crash(),
    goneWithinMs: 500,
    close: async () => {},
  }
})

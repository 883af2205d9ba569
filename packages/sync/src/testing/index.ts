export { describeDocumentStoreContract, type StoreUnderTest } from './document-store-contract.js'
export { InProcessClient, settle, type CloseRecord } from './in-process-client.js'
export { describeRoomRelayContract, type RelayUnderTest } from './room-relay-contract.js'
export {
  handBuiltUpdate,
  type DeletedRange,
  type HandBuiltClient,
  type HandBuiltStruct,
  type StructPlace,
} from './hand-built-update.js'
export { HeldQueue } from './held-queue.js'

export {
  decodeAwarenessUpdate,
  encodeAwarenessUpdate,
  type AwarenessEntry,
} from './awareness-update.js'
export { CloseCode } from './close-codes.js'
export {
  defaultCompactionPolicy,
  shouldCompact,
  type CompactionPolicy,
  type LogSize,
} from './compaction-policy.js'
export type { DocumentStore, StoredDocument } from './document-store.js'
export { silentLogger, type Logger } from './logger.js'
export { MemoryDocumentStore } from './memory-document-store.js'
export { MemoryRelayEndpoint, MemoryRoomRelay } from './memory-room-relay.js'
export { noMetrics, type SyncMetrics, type SyncRefusal } from './metrics.js'
export {
  decodeMessage,
  encodeAwareness,
  encodePermissionDenied,
  encodeQueryAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  MessageType,
  readPermissionDenied,
  SyncMessageType,
  type ClientMessage,
} from './protocol.js'
export { err, ok, type Result } from './result.js'
export { fullAccess, readOnlyAccess, type PeerAccess } from './peer-access.js'
export type { Backpressure } from './presence-backlog.js'
export { Room, type Peer, type RoomOptions } from './room.js'
export {
  relayOrigin,
  type RelayMessage,
  type RelaySubscriber,
  type RoomRelay,
} from './room-relay.js'
export { RoomRegistry, type AcquireError, type RoomRegistryOptions } from './room-registry.js'
export { SyncSession, type SyncSessionOptions } from './sync-session.js'
export { TokenBucket, type RateLimit } from './token-bucket.js'
export {
  inspectStateVector,
  inspectUpdate,
  type DecodedUpdate,
  type UpdateSummary,
} from './update-validation.js'
export { FrameScheduler, type FrameSchedulerOptions } from './frame-scheduler.js'
export { describeWrites, type RootWrite } from './update-writes.js'

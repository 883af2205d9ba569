/**
 * How several server processes serve the same rooms (SPEC.md, "Scale-out"). Each instance keeps
 * its own in-memory rooms; what one of them stores it also publishes through a relay, and every
 * other instance with the room loaded applies it and passes it on to its own peers
 * (`room-relay-link.ts`).
 *
 * The database stays the source of truth: an update is published only after its storage append
 * resolved (X1), so a relay may drop messages — a receiving instance that is told about a gap
 * (`onGap`) re-reads the room from storage, and Yjs updates are idempotent and commutative, so
 * applying something twice or late is harmless. The relay itself never stores anything.
 *
 * Presence is not stored anywhere: it lives as long as the instance that relayed it. So a relay
 * also tells each instance when another one has gone silent (`onInstanceGone`), and the presence
 * that came from it is removed (X6).
 *
 * Implementations: `MemoryRoomRelay` (in-process, for tests) and the server's Redis relay; both
 * pass one contract suite (`testing/room-relay-contract.ts`, rules RL1–RL7).
 */

/** What instances tell each other about a room. */
export type RelayMessage =
  | {
      readonly kind: 'update'
      /** A Yjs update, already stored by the sender. */
      readonly update: Uint8Array
      /** Client ids first claimed in this update, and their principals (already stored). */
      readonly claims: readonly (readonly [number, string])[]
    }
  /** A y-protocols awareness update, already stamped by the sender. */
  | { readonly kind: 'awareness'; readonly update: Uint8Array }
  /**
   * The sender folded the room's stored log into a snapshot of this many bytes: what the others
   * counted of the log since (their own appends and relayed ones) is no longer stored (B2).
   */
  | { readonly kind: 'compacted'; readonly snapshotBytes: number }

export interface RelaySubscriber {
  /**
   * A message another instance published for the room, in the order that instance published it;
   * `from` is its `RoomRelay.instanceId`.
   */
  onMessage(message: RelayMessage, from: string): void
  /** Messages may have been missed (the relay's connection dropped): re-read from storage. */
  onGap(): void
  /**
   * Nothing has been heard from instance `instance` for the relay's liveness timeout: it died, or
   * is cut off. What it published that is not stored (presence) is void. May name an instance
   * this subscriber never heard from.
   */
  onInstanceGone(instance: string): void
}

export interface RoomRelay {
  /** Names this instance in what the others receive (`RelaySubscriber.onMessage`'s `from`). */
  readonly instanceId: string
  /**
   * Sends a message to every other instance that has the room loaded. Never throws: a message
   * that cannot be sent is reported as a gap to the instances that may have missed it.
   */
  publish(roomId: string, message: RelayMessage): void
  /**
   * Starts receiving the room's messages from the other instances (never this instance's own).
   * Resolves once the subscription is active; the function it resolves with ends it.
   */
  subscribe(roomId: string, subscriber: RelaySubscriber): Promise<() => void>
}

/** The origin of changes a room applies from its relay (neither stored again nor published). */
export const relayOrigin: unique symbol = Symbol('relay')

/**
 * How several server processes serve the same rooms (SPEC.md, "Scale-out"). Each instance keeps
 * its own in-memory rooms; what one of them stores it also publishes through a relay, and every
 * other instance with the room loaded applies it and passes it on to its own peers.
 *
 * The database stays the source of truth: an update is published only after its storage append
 * resolved (X1), so a relay may drop messages — a receiving instance that is told about a gap
 * (`onGap`) re-reads the room from storage, and Yjs updates are idempotent and commutative, so
 * applying something twice or late is harmless. The relay itself never stores anything.
 *
 * Implementations: `MemoryRoomRelay` (in-process, for tests) and the server's Redis relay.
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

export interface RelaySubscriber {
  /** A message another instance published for the room, in the order it was published. */
  onMessage(message: RelayMessage): void
  /** Messages may have been missed (the relay's connection dropped): re-read from storage. */
  onGap(): void
}

export interface RoomRelay {
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

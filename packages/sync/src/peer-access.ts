import type * as Y from 'yjs'
import type { Result } from './result.js'
import type { RootWrite } from './update-writes.js'

/**
 * What one connection may do, decided by the server from its credential. The room enforces it on
 * every message; the client's UI only mirrors it.
 */
export interface PeerAccess {
  /** Document updates are applied. Otherwise they are dropped and the peer is told, once. */
  readonly canWrite: boolean
  /** Presence is relayed. Otherwise it is dropped silently (read-only watchers). */
  readonly canPublishPresence: boolean
  /**
   * Who the connection speaks for (e.g. a member). A Yjs client id — in document updates and in
   * presence — belongs to the principal that first uses it while the room is loaded; another
   * principal's update under it is refused and its presence ignored. Yjs itself trusts the id
   * inside an update, so without this anyone could write at someone else's next clock and the
   * owner's own edit there would be dropped as already known. Without a principal, nothing is
   * bound (tests, tools).
   */
  readonly principal?: string
  /**
   * Rewrites a presence state before it is relayed, so that identity (name, role) comes from the
   * server and not from the client. `doc` is the room's document, for rules that depend on the
   * room's state (e.g. what an anonymous room may reveal).
   */
  readonly stampPresence?: (state: unknown, doc: Y.Doc) => unknown
  /**
   * Decides on an update from its description, before it is applied: e.g. no writes to
   * server-owned state or to locked content. A refused update is dropped whole and the peer is
   * told why. `doc` is the room's document as it is before the update.
   */
  readonly checkWrites?: (writes: readonly RootWrite[], doc: Y.Doc) => Result<void, string>
}

export const fullAccess: PeerAccess = { canWrite: true, canPublishPresence: true }

export const readOnlyAccess: PeerAccess = { canWrite: false, canPublishPresence: false }

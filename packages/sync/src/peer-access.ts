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
   * Rewrites a presence state before it is relayed, so that identity (name, role) comes from the
   * server and not from the client.
   */
  readonly stampPresence?: (state: unknown) => unknown
}

export const fullAccess: PeerAccess = { canWrite: true, canPublishPresence: true }

export const readOnlyAccess: PeerAccess = { canWrite: false, canPublishPresence: false }

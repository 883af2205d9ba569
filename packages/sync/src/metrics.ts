/**
 * What the sync engine reports to whoever runs it (the server exports it on `/metrics`). Optional
 * everywhere: the engine never depends on how, or whether, it is collected.
 */

/**
 * Why the engine refused a message or an update:
 * - `malformed`: not a valid y-websocket message, Yjs update, state vector or awareness update
 *   (the connection is closed with 4400);
 * - `read_only`: an update from a connection that may not write (dropped; the peer is told);
 * - `missing_dependencies`: an update building on content the server does not have (dropped);
 * - `too_many_pending`: too many frames while the room was loading (closed with 4429).
 *
 * Refusals by a `PeerAccess.checkWrites` policy are not counted here: the policy knows its own
 * reasons and reports them itself.
 */
export type SyncRefusal = 'malformed' | 'read_only' | 'missing_dependencies' | 'too_many_pending'

export interface SyncMetrics {
  refused(reason: SyncRefusal): void
}

export const noMetrics: SyncMetrics = { refused: () => {} }

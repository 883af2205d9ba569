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
 * - `too_many_pending`: too many frames while the room was loading (closed with 4429);
 * - `rate_limited`: frames faster than the connection's rate limit (closed with 4429);
 * - `forged_client_id`: an update under a Yjs client id another principal uses (closed with 4400);
 * - `document_too_large`: an update that would grow the room's document past its bound (dropped;
 *   the peer is told).
 *
 * `missing_dependencies` also counts updates whose missing parts the room discarded after applying
 * the rest: content waiting for dependencies is never kept, so it cannot pile up in memory.
 *
 * Refusals by a `PeerAccess.checkWrites` policy are not counted here: the policy knows its own
 * reasons and reports them itself.
 */
export type SyncRefusal =
  | 'malformed'
  | 'read_only'
  | 'missing_dependencies'
  | 'too_many_pending'
  | 'rate_limited'
  | 'document_too_large'
  | 'forged_client_id'

export interface SyncMetrics {
  refused(reason: SyncRefusal): void
}

export const noMetrics: SyncMetrics = { refused: () => {} }

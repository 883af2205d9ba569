/**
 * What the board knows about its connection, as a pure reducer over the events the provider
 * and the local (IndexedDB) copy emit. The UI derives everything it shows from this.
 */
export type SocketState = 'connecting' | 'connected' | 'disconnected'

export interface RoomStatus {
  readonly socket: SocketState
  /** The server has answered our sync on the current connection. */
  readonly synced: boolean
  /** The server has answered at least once since the page loaded. */
  readonly everSynced: boolean
  readonly localLoaded: boolean
  readonly localHasContent: boolean
  /** The connection dropped (or never came up) and has not synced since: edits stay local. */
  readonly offline: boolean
  readonly notFound: boolean
  /** The server no longer accepts this browser's credential (e.g. the link was rotated). */
  readonly revoked: boolean
  /** The board was saved by a newer board editor than this Accord's: it cannot be shown. */
  readonly incompatible: boolean
  /**
   * The server's last refusal, in its words: a connection it turned away for now (a full room,
   * too many messages) until the next sync, or an edit it did not take (e.g. the board is full).
   */
  readonly refusal: string | null
  /**
   * A connection refusal ends with the next sync. An edit refusal outlives one: the board starts
   * over from the server's copy after it (`BoardSession.resync`), and the person must still see
   * why their change is gone; it ends with the sync after.
   */
  readonly refusalEndsOnSync: boolean
}

export type RoomEvent =
  | { readonly type: 'local-loaded'; readonly hasContent: boolean }
  | { readonly type: 'socket'; readonly state: SocketState }
  | { readonly type: 'synced'; readonly synced: boolean }
  | { readonly type: 'room-not-found' }
  | { readonly type: 'access-revoked' }
  /** Closed with 4409, or the local copy could not be read: a board from a newer editor. */
  | { readonly type: 'board-incompatible' }
  /** Closed with a bound's close code; the provider retries on its own. */
  | { readonly type: 'connection-refused'; readonly reason: string }
  /** The server answered an edit with the protocol's "permission denied" message. */
  | { readonly type: 'edit-refused'; readonly reason: string }

export const initialRoomStatus: RoomStatus = {
  socket: 'connecting',
  synced: false,
  everSynced: false,
  localLoaded: false,
  localHasContent: false,
  offline: false,
  notFound: false,
  revoked: false,
  incompatible: false,
  refusal: null,
  refusalEndsOnSync: false,
}

export function reduceRoomStatus(status: RoomStatus, event: RoomEvent): RoomStatus {
  switch (event.type) {
    case 'local-loaded':
      return { ...status, localLoaded: true, localHasContent: event.hasContent }
    case 'socket':
      return {
        ...status,
        socket: event.state,
        synced: event.state === 'connected' && status.synced,
        offline: status.offline || event.state === 'disconnected',
      }
    case 'synced': {
      const newSync = event.synced && !status.synced
      return {
        ...status,
        synced: event.synced,
        everSynced: status.everSynced || event.synced,
        offline: event.synced ? false : status.offline,
        refusal: newSync && status.refusalEndsOnSync ? null : status.refusal,
        refusalEndsOnSync: newSync || status.refusalEndsOnSync,
      }
    }
    case 'room-not-found':
      return { ...status, notFound: true, socket: 'disconnected', synced: false }
    case 'access-revoked':
      return { ...status, revoked: true, socket: 'disconnected', synced: false }
    case 'board-incompatible':
      return { ...status, incompatible: true, socket: 'disconnected', synced: false }
    case 'connection-refused':
      return { ...status, refusal: `Reconnecting: ${event.reason}`, refusalEndsOnSync: true }
    case 'edit-refused':
      return {
        ...status,
        refusal: `Your last change was not saved: ${event.reason}`,
        refusalEndsOnSync: false,
      }
  }
}

/**
 * The board can be shown once the local copy is loaded and there is something to show: either
 * the local copy has the board (works offline) or the server has sent it.
 */
export function isBoardReady(status: RoomStatus): boolean {
  return status.localLoaded && (status.localHasContent || status.everSynced)
}

export type ConnectionIndicator = 'online' | 'connecting' | 'offline' | 'not-found'

export function connectionIndicator(status: RoomStatus): ConnectionIndicator {
  if (status.notFound) return 'not-found'
  if (status.socket === 'connected' && status.synced) return 'online'
  // Sticky until the next sync, so a reconnect loop does not flicker between two labels.
  return status.offline ? 'offline' : 'connecting'
}

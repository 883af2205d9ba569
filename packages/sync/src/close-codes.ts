/**
 * WebSocket close codes the sync endpoint uses. They are part of Accord's public contract
 * (README, "Sync protocol"): clients and tools may rely on them.
 */
export const CloseCode = {
  /** The server is shutting down; reconnect later. */
  GoingAway: 1001,
  /** A frame exceeded the maximum message size (enforced by the WebSocket layer). */
  MessageTooBig: 1009,
  /** The server failed (e.g. storage unavailable); nothing of the failed write was relayed. */
  InternalError: 1011,
  /** No token, or a token that does not open this room (wrong, or revoked by a rotation). */
  Unauthorized: 4401,
  /** The frame was not a valid y-websocket message or carried an invalid Yjs update. */
  MalformedMessage: 4400,
  /** No room with this id exists. Rooms are created over HTTP, never by connecting. */
  RoomNotFound: 4404,
  /**
   * The room exists but its document cannot be served by this version of the server (a board
   * saved by a newer board editor). Final: retrying cannot help.
   */
  IncompatibleDocument: 4409,
  /**
   * Too many messages: faster than the connection's rate limit (`ACCORD_MESSAGES_PER_SECOND`,
   * `ACCORD_MESSAGE_BURST`), or too many before the room finished loading. The stock provider
   * (y-websocket ≥ 3.1) takes 4400–4499 as final and stops; Accord's web app reconnects after
   * its back-off.
   */
  TooManyMessages: 4429,
  /**
   * The client does not read what it is sent: more than the server's bound of unsent bytes was
   * waiting for it (`ACCORD_MAX_UNSENT_BYTES`) when there was more to send. Closed rather than
   * buffered without end; the server drops the connection for good a few seconds later if the
   * client still reads nothing. Usually a stalled or very slow network: Accord's web app reconnects
   * after its back-off (and resyncs); the stock provider takes 4400–4499 as final.
   */
  SlowConsumer: 4413,
  /**
   * Refused at connection, for now: the room, or the client's address, already has as many
   * connections as the server allows (`ACCORD_MAX_CONNECTIONS_PER_ROOM`,
   * `ACCORD_MAX_CONNECTIONS_PER_IP`). In the 4500–4599 "try again later" range, so the stock
   * provider keeps retrying with its back-off.
   */
  TooManyConnections: 4503,
} as const

export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode]

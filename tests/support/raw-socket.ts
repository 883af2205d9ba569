/** A bare `ws` WebSocket to the sync endpoint, for frames no honest client would send. */
import { WebSocket } from 'ws'
import { tokensOf } from './server-process.js'
import type { CloseInfo } from './yjs-client.js'
import { waitFor } from './wait.js'

export interface RawSocket {
  readonly ws: WebSocket
  /** Every binary frame the server sent, in order. */
  readonly received: Uint8Array[]
  /** Resolves with the close code and reason once the connection is closed, by either side. */
  readonly closed: Promise<CloseInfo>
  /** Resolves once the server has sent at least `count` frames. */
  receivedAtLeast(count: number): Promise<void>
}

/** Rooms not made by `createRoom` (e.g. made-up ids) have no token: connect without one. */
function knownParticipantToken(roomId: string): string | null {
  try {
    return tokensOf(roomId).participant
  } catch {
    return null
  }
}

/**
 * Connects to `${wsUrl}/sync/${roomId}`; resolves once open (or closed, if refused at once).
 * `answerPings: false` makes a peer that looks alive but never answers the server's pings.
 */
export async function openRawSocket(
  wsUrl: string,
  roomId: string,
  options: { answerPings?: boolean; token?: string | null } = {},
): Promise<RawSocket> {
  // A participant unless told otherwise; `token: null` connects with none at all.
  const token = options.token === undefined ? knownParticipantToken(roomId) : options.token
  const query = token === null ? '' : `?token=${encodeURIComponent(token)}`
  const ws = new WebSocket(`${wsUrl}/sync/${roomId}${query}`, {
    autoPong: options.answerPings ?? true,
  })
  const received: Uint8Array[] = []
  ws.on('message', (data: Buffer, isBinary) => {
    if (isBinary) received.push(new Uint8Array(data))
  })
  // A hostile peer can be reset by the server; the close event below still reports it.
  ws.on('error', () => {})
  const closed = new Promise<CloseInfo>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  )
  await Promise.race([new Promise((resolve) => ws.once('open', resolve)), closed])
  return {
    ws,
    received,
    closed,
    receivedAtLeast: (count) =>
      waitFor(() => received.length >= count, { what: `${count} frame(s) from the server` }),
  }
}

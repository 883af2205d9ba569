/**
 * What the three hostile scenarios have in common: an attack is prepared (connections open, the
 * frames built) before the measured window, started at its beginning, stopped at its end, and its
 * connections dropped after the drain, with how the server had closed them.
 */
import { type CloseReason, TcpWebSocket } from '../tcp-websocket.js'

/** Each within the documented limits of one connection (README, "Limits"). */
export type AttackSpec =
  | {
      /** Read-only connections that stop reading and ask for the whole board again and again. */
      readonly kind: 'step1-flood'
      /** The board the attack asks for: built through the protocol before the window. */
      readonly boardBytes: number
      readonly attackers: number
      /** Sync step 1 frames per attacker, each with a state vector of its own. */
      readonly framesEach: number
    }
  | {
      /** Participants that each send a burst of tiny edits at once. */
      readonly kind: 'merge-burst'
      readonly connections: number
      readonly editsEach: number
    }
  | {
      /** Participants that each send awareness updates at `hz` for the whole window. */
      readonly kind: 'presence-flood'
      readonly connections: number
      readonly hz: number
    }

export interface Attack {
  /** Frames the attackers have sent so far. */
  readonly sent: number
  /** Sends the burst, or starts sending. */
  start(): void
  /** Stops sending; the connections stay open. */
  stop(): void
  /** Drops every connection; answers how the server had closed them, by close code. */
  close(): Promise<Record<string, number>>
}

const CONNECT_BATCH = 50

/** Opens `count` raw connections to `url`, in batches (a crowd, not a single burst of SYNs). */
export async function openAttackers(
  url: string,
  count: number,
  options: { read: boolean },
): Promise<TcpWebSocket[]> {
  const sockets: TcpWebSocket[] = []
  for (let first = 0; first < count; first += CONNECT_BATCH) {
    const size = Math.min(CONNECT_BATCH, count - first)
    sockets.push(
      ...(await Promise.all(Array.from({ length: size }, () => TcpWebSocket.open(url, options)))),
    )
  }
  return sockets
}

/** Sockets that stopped reading read again for this long, to learn whether they were closed. */
const SETTLE_MS = 1000

/** Drops the sockets and counts how each had been closed: by code, `reset`, or `open`. */
export async function dropAll(sockets: readonly TcpWebSocket[]): Promise<Record<string, number>> {
  await Promise.all(sockets.map((socket) => socket.settle(SETTLE_MS)))
  const closes: Record<string, number> = {}
  for (const socket of sockets) {
    const reason: CloseReason | 'open' = socket.closed ?? 'open'
    closes[reason] = (closes[reason] ?? 0) + 1
    socket.destroy()
  }
  return closes
}

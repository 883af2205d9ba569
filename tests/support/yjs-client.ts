/** The stock y-websocket client, connected over a real WebSocket from Node. */
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { tokensOf } from './server-process.js'
import { waitFor } from './wait.js'

export interface CloseInfo {
  readonly code: number
  readonly reason: string
}

export interface TestClient {
  readonly doc: Y.Doc
  readonly provider: WebsocketProvider
  /** Close events the provider saw, in order. */
  readonly closes: CloseInfo[]
  whenSynced(): Promise<void>
  destroy(): void
}

/**
 * Connects a stock client to a room. It connects as a participant (the room's participant link
 * token) unless another `token` is given.
 */
export function connectClient(
  wsUrl: string,
  roomId: string,
  options: { doc?: Y.Doc; connect?: boolean; token?: string } = {},
): TestClient {
  const doc = options.doc ?? new Y.Doc()
  const token = options.token ?? tokensOf(roomId).participant
  const provider = new WebsocketProvider(`${wsUrl}/sync`, roomId, doc, {
    params: { token },
    // ws implements the browser WebSocket API the provider expects.
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    connect: options.connect ?? true,
    maxBackoffTime: 200,
  })
  const closes: CloseInfo[] = []
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason })
  })
  return {
    doc,
    provider,
    closes,
    whenSynced: () => waitFor(() => provider.synced, { what: `client of ${roomId} to sync` }),
    destroy: () => provider.destroy(),
  }
}

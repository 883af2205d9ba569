import * as Y from 'yjs'

export interface RelayDoc {
  /** The copy to give the y-websocket provider. */
  readonly doc: Y.Doc
  /** Stops exchanging updates and frees the copy. */
  stop(): void
}

/**
 * A copy of a board's document, kept equal to it, for the y-websocket provider to sync — so that
 * presence has a client id of its own.
 *
 * Every Yjs item carries the client id of the document that wrote it, and the stock provider
 * publishes presence under its document's client id (it assumes the two are the same: on
 * connect, on disconnect and across tabs it looks its own presence up by `doc.clientID`, so it
 * cannot simply be given an awareness with another id). Given this copy, the provider publishes
 * the copy's id, and the copy never writes anything: the board's document writes under its own
 * id, which no presence carries. So nobody can match a note to the presence, and the name, of the
 * person who drew it (DESIGN §3, anonymous rooms). The price is a second copy of the board in
 * memory, and each update applied twice.
 */
export function relayDoc(board: Y.Doc): RelayDoc {
  const relay = new Y.Doc()
  const bridge = Symbol('relay')
  Y.applyUpdate(relay, Y.encodeStateAsUpdate(board), bridge)
  const toRelay = (update: Uint8Array, origin: unknown) => {
    if (origin !== bridge) Y.applyUpdate(relay, update, bridge)
  }
  const toBoard = (update: Uint8Array, origin: unknown) => {
    if (origin !== bridge) Y.applyUpdate(board, update, bridge)
  }
  board.on('update', toRelay)
  relay.on('update', toBoard)
  return {
    doc: relay,
    stop: () => {
      board.off('update', toRelay)
      relay.off('update', toBoard)
      relay.destroy()
    },
  }
}

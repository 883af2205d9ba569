/**
 * A room's connected peers, and the relay of what the room stored to all of them (SPEC.md S1, S9,
 * B6, X1): each peer with what the room remembers of it; a turn's stored updates merged in runs
 * (`relay-batches.ts`), each run one frame encoded once for every peer; then published to the
 * other instances serving the room (`room-relay-link.ts`), when there are any.
 */
import type { PeerAccess } from './peer-access.js'
import type { Backpressure } from './presence-backlog.js'
import { encodeUpdate } from './protocol.js'
import { relayChunks, type StoredUpdate } from './relay-batches.js'
import type { RoomRelayLink } from './room-relay-link.js'

/** A connected client as the room sees it: something to send frames to and to close. */
export interface Peer {
  /** Sends one binary frame. Must not throw. */
  send(frame: Uint8Array): void
  close(code: number, reason: string): void
  /** Whether frames wait unsent to it: presence then waits for it (`presence-backlog.ts`). */
  readonly pressure?: Backpressure
}

export interface PeerState {
  readonly access: PeerAccess
  clientId: number | null
  /** A read-only peer is told once that its edits are refused, not at every keystroke. */
  toldReadOnly: boolean
  /** A sync step 2 is on its way to this peer: further step 1s until it is sent are ignored. */
  answering: boolean
}

export class RoomPeers {
  /**
   * Each peer and the one awareness client id it speaks for: the first id it announces (the stock
   * provider announces its own state as soon as it connects). Stock providers also echo every
   * presence change they receive back to the server; entries for any other id are such echoes,
   * or forgeries, and are ignored.
   */
  private readonly peers = new Map<Peer, PeerState>()

  /** `link`: the other instances serving the room, if any (`RoomOptions.link`). */
  constructor(private readonly link: RoomRelayLink | undefined) {}

  get size(): number {
    return this.peers.size
  }

  add(peer: Peer, access: PeerAccess): void {
    this.peers.set(peer, { access, clientId: null, toldReadOnly: false, answering: false })
  }

  get(peer: Peer): PeerState | undefined {
    return this.peers.get(peer)
  }

  has(peer: Peer): boolean {
    return this.peers.has(peer)
  }

  /** Forgets `peer`; its state, or undefined when it was not (or no longer) in the room. */
  remove(peer: Peer): PeerState | undefined {
    const state = this.peers.get(peer)
    this.peers.delete(peer)
    return state
  }

  all(): IterableIterator<Peer> {
    return this.peers.keys()
  }

  /** Closes every peer and forgets them all. */
  closeAll(code: number, reason: string): void {
    for (const peer of [...this.peers.keys()]) peer.close(code, reason)
    this.peers.clear()
  }

  /**
   * One frame per turn for everything stored in it, encoded once — or a few, for a busy turn, so
   * that merging stays linear (`relay-batches.ts`). Updates from several writers are merged and
   * sent to everyone, their writers included (Yjs ignores what a client already has): cheaper
   * than one frame per update per peer when many people drag at once.
   *
   * Called only once the batch's append resolved (S1); `claims` are the client-id owners stored
   * with it.
   */
  relayStored(batch: readonly StoredUpdate[], claims: ReadonlyMap<number, string>): void {
    const chunks = relayChunks(batch)
    for (const chunk of chunks) this.broadcast(encodeUpdate(chunk.update), chunk.origin)
    const updates = chunks.map((chunk) => chunk.update)
    // Only now, with the append resolved, may other instances see it (X1). Owners go with the
    // first part, so they arrive before any content under them.
    updates.forEach((update, index) =>
      this.link?.publishStored(update, index === 0 ? claims : new Map()),
    )
  }

  /** Sends `frame` to every peer but `except` (the one it came from, when it has it already). */
  broadcast(frame: Uint8Array, except: unknown): void {
    for (const peer of this.peers.keys()) if (peer !== except) peer.send(frame)
  }
}

/**
 * A room's presence (SPEC.md A1–A6, R4, B7): the awareness of its peers. A peer's presence is
 * checked as it arrives, waits in the inbox (`presence-inbox.ts`), is stamped by the server and
 * applied under the one client id the peer speaks for; what changed goes out as one message per
 * turn, encoded once — spaced under the room's frame budget (`flush-pacer.ts`) — and is held back
 * for a peer whose socket has not drained (`presence-backlog.ts`).
 */
import type * as Y from 'yjs'
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate as encodeAwarenessStates,
  removeAwarenessStates,
} from 'y-protocols/awareness'
import {
  type AwarenessEntry,
  decodeAwarenessUpdate,
  encodeAwarenessUpdate,
} from './awareness-update.js'
import type { ClientIdOwners } from './client-ids.js'
import { FlushPacer, type PacerClock } from './flush-pacer.js'
import type { PeerAccess } from './peer-access.js'
import { PresenceBacklog } from './presence-backlog.js'
import { PresenceInbox } from './presence-inbox.js'
import { encodeAwareness } from './protocol.js'
import type { Peer, PeerState, RoomPeers } from './room-peers.js'

export interface RoomPresenceOptions {
  readonly doc: Y.Doc
  readonly peers: RoomPeers
  readonly clientIds: ClientIdOwners
  /** The room's frame budget (`RoomOptions.framesPerSecond`, 0: every turn) and its clock. */
  readonly framesPerSecond: number
  readonly clock: PacerClock
  /** `RoomOptions.presencePerSecond`: unlimited when undefined or 0. */
  readonly presencePerSecond: number | undefined
  /** A peer claimed a client id (R6): the claim waits for the room's next write. */
  claimed(): void
  /** Closes a peer that sent something malformed (P2). */
  refuse(peer: Peer, reason: string): void
  /** False once the room is broken: nothing more is applied or sent. */
  isLive(): boolean
}

export class RoomPresence {
  readonly awareness: Awareness

  private readonly options: RoomPresenceOptions
  private readonly peers: RoomPeers
  /** The live peer currently holding each client id: a second peer cannot take it over. */
  private readonly awarenessOwners = new Map<number, Peer>()
  /** Presence that changed this event-loop turn, and from which peers: relayed once per turn. */
  private awarenessChanged = new Set<number>()
  private awarenessOrigins = new Set<unknown>()
  /** When changed presence goes out: each turn, or spaced under a frame budget. */
  private readonly presencePacer: FlushPacer
  /** Presence received and not yet applied: each peer's latest, applied fairly. */
  private readonly presenceInbox: PresenceInbox<Peer>
  private readonly presenceBacklog = new PresenceBacklog<Peer>({
    sendOwed: (peer, clientIds) => {
      if (this.peers.has(peer) && this.options.isLive()) peer.send(this.presenceOf(clientIds))
    },
  })

  constructor(options: RoomPresenceOptions) {
    this.options = options
    this.peers = options.peers
    this.presencePacer = new FlushPacer(options.framesPerSecond, this.flushAwareness, options.clock)
    this.presenceInbox = new PresenceInbox({
      apply: this.applyPresence,
      clock: options.clock,
      ...(options.presencePerSecond ? { perSecond: options.presencePerSecond } : {}),
    })
    this.awareness = new Awareness(options.doc)
    this.awareness.setLocalState(null)
    this.awareness.on('update', this.relayAwareness)
  }

  /** A joiner gets everyone's current presence (P4), when anyone is present. */
  welcome(peer: Peer): void {
    const present = [...this.awareness.getStates().keys()]
    if (present.length > 0) peer.send(this.presenceOf(present))
  }

  /** A query (`query-awareness`) is answered with everyone's current presence, even nobody's. */
  answerQuery(peer: Peer): void {
    peer.send(this.presenceOf([...this.awareness.getStates().keys()]))
  }

  /**
   * Checked as it arrives; applied from the inbox (`presence-inbox.ts`), where only the peer's
   * latest state waits and a flooding room takes its turn with the others.
   */
  receive(peer: Peer, update: Uint8Array): void {
    const decoded = decodeAwarenessUpdate(update)
    if (!decoded.ok) return this.options.refuse(peer, decoded.error)
    const state = this.peers.get(peer)
    if (!state) return
    state.clientId ??= decoded.value[0]?.clientId ?? null
    const own = state.clientId
    const { clientIds } = this.options
    // Another principal's id (a forgery): ignored. Claimed even by connections whose presence is
    // not published (viewers), so that nobody else can speak under their id either.
    if (own === null || !clientIds.mayUse(state.access, own)) return
    if (clientIds.claim(state.access, own)) this.options.claimed()
    if (!state.access.canPublishPresence) return
    const latest = decoded.value.findLast((entry) => entry.clientId === own)
    if (latest !== undefined) this.presenceInbox.put(peer, latest)
  }

  /** `peer` left the room (already removed from its peers): its presence goes with it (A2). */
  forget(peer: Peer, state: PeerState): void {
    this.presenceInbox.forget(peer)
    this.presenceBacklog.forget(peer)
    const id = state.clientId
    if (id === null || this.awarenessOwners.get(id) !== peer) return
    this.awarenessOwners.delete(id)
    removeAwarenessStates(this.awareness, [id], null)
  }

  /** Drops waiting flushes and presence for good (the room is closing). */
  stop(): void {
    this.presencePacer.stop()
    this.presenceInbox.stop()
  }

  private readonly applyPresence = (peer: Peer, entry: AwarenessEntry): void => {
    const state = this.peers.get(peer)
    if (!state || !this.options.isLive()) return
    const owner = this.awarenessOwners.get(entry.clientId)
    // Held by another live connection (a forgery, or this client's previous connection that
    // has not been noticed dead yet): ignored until that connection leaves.
    if (owner !== undefined && owner !== peer) return
    let accepted: AwarenessEntry[]
    try {
      accepted = [stamped(entry, state.access, this.options.doc)]
    } catch {
      // JSON that parses but cannot be written back (e.g. nested thousands deep).
      return this.options.refuse(peer, 'invalid presence state')
    }
    this.awarenessOwners.set(entry.clientId, peer)
    applyAwarenessUpdate(this.awareness, encodeAwarenessUpdate(accepted), peer)
    this.answerOutdatedPresence(peer, entry.clientId, accepted)
  }

  /**
   * A client that reconnects announces itself with the clock it had, but its departure was
   * recorded with a newer one, so the announcement is ignored as outdated. Sending it that
   * departure makes y-protocols on the client bump its clock and announce itself again.
   */
  private answerOutdatedPresence(peer: Peer, clientId: number, entries: AwarenessEntry[]): void {
    const known = this.awareness.meta.get(clientId)?.clock
    const announced = entries.some((entry) => entry.stateJson !== 'null')
    if (known === undefined || !announced || this.awareness.states.has(clientId)) return
    peer.send(
      encodeAwareness(encodeAwarenessUpdate([{ clientId, clock: known, stateJson: 'null' }])),
    )
  }

  private readonly relayAwareness = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...changes.added, ...changes.updated, ...changes.removed]
    if (changed.length === 0) return
    if (this.peers.size === 0) return
    for (const id of changed) this.awarenessChanged.add(id)
    this.awarenessOrigins.add(origin)
    this.presencePacer.schedule(this.peers.size)
  }

  /**
   * One awareness message per flush for every change since the last, encoded once: with hundreds
   * of people moving their cursors, each peer gets one frame a turn — or fewer, spaced by the
   * pacer — instead of one per person. A peer whose connection is backed up gets the newest
   * states once it drains instead (`presence-backlog.ts`).
   */
  private readonly flushAwareness = (): void => {
    const changed = [...this.awarenessChanged]
    const origins = [...this.awarenessOrigins]
    this.awarenessChanged = new Set()
    this.awarenessOrigins = new Set()
    if (!this.options.isLive() || this.peers.size === 0 || changed.length === 0) return
    const frame = this.presenceOf(changed)
    // A peer's own presence is not sent back to it when it is the only one that changed.
    const except = origins.length === 1 ? origins[0] : undefined
    for (const peer of this.peers.all()) {
      if (peer !== except && this.presenceBacklog.offer(peer, peer.pressure, changed)) {
        peer.send(frame)
      }
    }
  }

  /** An awareness message with the current presence of `clientIds` (gone: sent as removed). */
  private presenceOf(clientIds: readonly number[]): Uint8Array {
    return encodeAwareness(encodeAwarenessStates(this.awareness, [...clientIds]))
  }
}

/** Applies the server's identity stamp to a presence state (a departure stays a departure). */
function stamped(entry: AwarenessEntry, access: PeerAccess, doc: Y.Doc): AwarenessEntry {
  if (!access.stampPresence || entry.stateJson === 'null') return entry
  const state: unknown = JSON.parse(entry.stateJson)
  return { ...entry, stateJson: JSON.stringify(access.stampPresence(state, doc)) }
}

/**
 * Who each Yjs client id of a room belongs to (SPEC R6). Yjs trusts the id inside an update:
 * without this, anyone could write at another person's next clock and that person's own edit
 * there would be dropped as already known. An id belongs to the principal whose connection used
 * it first — in an update or in presence — and new claims are handed to storage with the room's
 * next write, so they hold across restarts and instances. The server's own id (new at each load)
 * is stored the same way once the server has written under it: after the room reloads with a new
 * id, nobody may continue the old one.
 */
import * as Y from 'yjs'
import type { PeerAccess } from './peer-access.js'
import type { DecodedUpdate } from './update-validation.js'

/** The principal of the room's own writes (the server's commands). */
const SERVER_PRINCIPAL = 'server'

export class ClientIdOwners {
  private readonly owners: Map<number, string>
  private unstored = new Map<number, string>()
  private readonly serverId: number
  private serverIdStored = false

  /** `stored`: the claims storage holds; `serverId`: the room document's own (new per load). */
  constructor(stored: ReadonlyMap<number, string>, serverId: number) {
    this.owners = new Map(stored)
    this.owners.set(serverId, SERVER_PRINCIPAL)
    this.serverId = serverId
  }

  /**
   * Claims for the server every id the loaded `doc` holds content under that nobody owns: a
   * connection's claim is stored before its content, so these are earlier loads' own ids from
   * before they were stored (or tools' connections without a principal, bound to nothing).
   */
  claimUnowned(doc: Y.Doc): void {
    for (const clientId of doc.store.clients.keys()) {
      if (this.owners.has(clientId)) continue
      this.owners.set(clientId, SERVER_PRINCIPAL)
      this.unstored.set(clientId, SERVER_PRINCIPAL)
    }
  }

  /**
   * Hands the server's own id to storage once `doc` holds content under it. Not before: a room
   * that is only read would otherwise store a claim at every load.
   */
  noteServerWrites(doc: Y.Doc): void {
    if (this.serverIdStored || Y.getState(doc.store, this.serverId) === 0) return
    this.serverIdStored = true
    this.unstored.set(this.serverId, SERVER_PRINCIPAL)
  }

  /** Whether a connection may write or announce presence under `clientId`. */
  mayUse(access: PeerAccess, clientId: number): boolean {
    if (access.principal === undefined) return true
    const owner = this.owners.get(clientId)
    return owner === undefined || owner === access.principal
  }

  /** Claims `clientId` for the connection's principal; true when that is a new claim to store. */
  claim(access: PeerAccess, clientId: number): boolean {
    if (access.principal === undefined || this.owners.has(clientId)) return false
    this.owners.set(clientId, access.principal)
    this.unstored.set(clientId, access.principal)
    return true
  }

  /**
   * The client ids an update writes new content under, if the connection may use them all (they
   * are then claimed); null when one belongs to someone else.
   */
  claimWriters(access: PeerAccess, doc: Y.Doc, structs: DecodedUpdate['structs']): boolean | null {
    const fresh = new Set<number>()
    for (const struct of structs) {
      if (struct instanceof Y.Skip) continue
      const { client, clock } = struct.id
      if (clock + struct.length <= Y.getState(doc.store, client)) continue // a resend Yjs skips
      if (!this.mayUse(access, client)) return null
      fresh.add(client)
    }
    let claimed = false
    for (const client of fresh) claimed = this.claim(access, client) || claimed
    return claimed
  }

  /** Takes in claims made elsewhere (storage, another instance); the first owner stays. */
  adopt(claims: Iterable<readonly [number, string]>): void {
    for (const [clientId, principal] of claims) {
      if (!this.owners.has(clientId)) this.owners.set(clientId, principal)
    }
  }

  get hasUnstored(): boolean {
    return this.unstored.size > 0
  }

  /** The claims not yet handed to storage, now handed over. */
  takeUnstored(): ReadonlyMap<number, string> {
    const claims = this.unstored
    this.unstored = new Map()
    return claims
  }
}

/**
 * Everything one open board needs below the UI:
 * - the Y.Doc, its copy in this browser's IndexedDB (edits survive a reload while offline) and the
 *   y-websocket provider that syncs it with the server (through a relay copy, so that presence
 *   and edits carry different Yjs client ids: see `relay-doc.ts`);
 * - the tldraw store, bound to the doc (and presence to awareness) once there is a board to show.
 *
 * React subscribes to `getSnapshot` and calls `open`/`close` from an effect; both can be called
 * again (StrictMode does), so the session survives a remount.
 */
import { readRoomState, type Role, ROOM_STATE_MAP } from '@accord/facilitation'
import { CloseCode } from '@accord/sync/close-codes'
import { MessageType, readPermissionDenied } from '@accord/sync/protocol'
import { bindPresence, bindStoreToDoc, recordsOf } from '@accord/tldraw-yjs'
import {
  type Atom,
  atom,
  computed,
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  type Signal,
  type TLAnyShapeUtilConstructor,
  type TLStore,
  type TLStoreWithStatus,
  type TLUser,
} from 'tldraw'
import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { type MemberUser, memberUser, tldrawUserFor } from './current-user'
import { attributedNoteShapeUtil } from './AttributedNoteShapeUtil'
import { isServerBound, shouldReconnect } from './reconnect-rule'
import { relayDoc, type RelayDoc } from './relay-doc'
import type { StoredMember } from './room-access'
import {
  connectionIndicator,
  initialRoomStatus,
  isBoardReady,
  reduceRoomStatus,
  type RoomEvent,
  type RoomStatus,
} from './room-status'

export interface BoardSnapshot {
  readonly status: RoomStatus
  readonly store: TLStoreWithStatus
}

export function syncServerUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`
}

interface OpenParts {
  readonly local: IndexeddbPersistence
  readonly relay: RelayDoc
  readonly provider: WebsocketProvider
  readonly stopFollowingAnonymity: () => void
  unbind?: () => void
}

/** Resyncs after refused edits at most this often: a client that keeps being refused must not loop. */
const RESYNC_INTERVAL_MS = 10_000

export class BoardSession {
  /**
   * The board's document. Replaced by a fresh copy from the server when the server refuses an
   * edit of this browser's (`resync`): the refused change can never reach anyone, and edits built
   * on it would silently go nowhere, so this copy must not carry it on.
   */
  get doc(): Y.Doc {
    return this.current
  }
  private current = new Y.Doc()
  private lastResync = 0
  /** This browser's user on the board: the member it joined as. */
  readonly user: Signal<MemberUser>
  /** The same user as tldraw's own UI sees it (with this browser's preferences). */
  readonly tldrawUser: TLUser
  private readonly name: Atom<string>
  /** Whether the room is anonymous: then this person's edits carry no attribution. */
  private readonly anonymous = atom('anonymous room', false)
  /** Whom this person's note edits are attributed to: nobody in an anonymous room. */
  readonly author = computed('note author', () =>
    this.anonymous.get() ? null : this.user.get().id,
  )
  /** The room's members' names by user id, as the server last listed them. */
  readonly members = atom<ReadonlyMap<string, string>>('room members', new Map())
  /** Names for note labels: the members, then everyone present as they call themselves now. */
  readonly authorNames: Signal<ReadonlyMap<string, string>>
  /** tldraw's shapes with Accord's changes (notes show their author); stable for the editor. */
  readonly shapeUtils: readonly TLAnyShapeUtilConstructor[]
  /** Whether this person may edit right now; tldraw's editor follows it. */
  readonly editMode = atom<'readonly' | 'readwrite'>('edit mode', 'readwrite')
  readonly store: TLStore
  private parts: OpenParts | null = null
  private bindError: string | null = null
  private snapshot: BoardSnapshot = { status: initialRoomStatus, store: { status: 'loading' } }
  private readonly listeners = new Set<() => void>()

  constructor(
    readonly roomId: string,
    private readonly member: StoredMember,
  ) {
    this.name = atom('member name', member.name)
    this.user = memberUser(member.id, this.name)
    this.tldrawUser = tldrawUserFor(this.user)
    this.store = createTLStore({
      // The attributed note keeps tldraw's note schema: the store validates with the defaults.
      shapeUtils: defaultShapeUtils,
      bindingUtils: defaultBindingUtils,
      collaboration: { status: null, mode: this.editMode },
    })
    const presences = this.store.query.records('instance_presence')
    this.authorNames = computed('author names', () => {
      const names = new Map(this.members.get())
      for (const presence of presences.get()) {
        if (presence.userName) names.set(presence.userId, presence.userName)
      }
      names.set(this.user.get().id, this.user.get().name)
      return names
    })
    this.shapeUtils = [attributedNoteShapeUtil(this.authorNames)]
  }

  get role(): Role {
    return this.member.role
  }

  /** The member's name changed (accepted by the server): mirror it locally. */
  renamed(name: string): void {
    this.name.set(name)
  }

  open(): void {
    if (this.parts) return
    // One local copy per person: the server refuses edits under client ids that belong to someone
    // else, so a copy shared by two people in one browser could hold edits neither may send.
    const local = new IndexeddbPersistence(`accord:${this.roomId}:${this.member.id}`, this.doc)
    const relay = relayDoc(this.doc)
    const provider = new WebsocketProvider(syncServerUrl(window.location), this.roomId, relay.doc, {
      maxBackoffTime: 5000,
      params: { token: this.member.token },
      // Room gone or link revoked also stop below.
      shouldReconnect: (event) => shouldReconnect(event.code),
    })
    const parts: OpenParts = {
      local,
      relay,
      provider,
      stopFollowingAnonymity: this.followAnonymity(),
    }
    this.parts = parts
    this.snapshot = { status: initialRoomStatus, store: { status: 'loading' } }
    // Events from a provider that has since been closed must not touch the current state.
    const live = (handle: () => void) => {
      if (this.parts === parts) handle()
    }
    void local.whenSynced.then(() =>
      live(() => this.dispatch({ type: 'local-loaded', hasContent: recordsOf(this.doc).size > 0 })),
    )
    provider.on('status', ({ status }) =>
      live(() => this.dispatch({ type: 'socket', state: status })),
    )
    provider.on('sync', (synced: boolean) => live(() => this.dispatch({ type: 'synced', synced })))
    // The stock provider only logs the server's "permission denied" (an edit it did not take):
    // show it, so nobody keeps working on changes the others never see.
    provider.messageHandlers[MessageType.Auth] = (_encoder, decoder) => {
      const reason = readPermissionDenied(decoder)
      if (reason !== null) {
        live(() => {
          this.dispatch({ type: 'edit-refused', reason })
          void this.resync(parts)
        })
      }
    }
    provider.on('connection-close', (event) =>
      live(() => {
        // Retrying cannot help with these: the room is gone, or this credential no longer opens it.
        if (event?.code === CloseCode.RoomNotFound) {
          provider.disconnect()
          this.dispatch({ type: 'room-not-found' })
        } else if (event?.code === CloseCode.Unauthorized) {
          provider.disconnect()
          this.dispatch({ type: 'access-revoked' })
        } else if (event?.code === CloseCode.IncompatibleDocument) {
          provider.disconnect()
          this.dispatch({ type: 'board-incompatible' })
        } else if (event && isServerBound(event.code)) {
          // A bound of the server: the provider retries with its back-off; say why meanwhile.
          this.dispatch({ type: 'connection-refused', reason: event.reason })
        }
      }),
    )
  }

  close(): void {
    const parts = this.parts
    if (!parts) return
    this.stop(parts)
    void parts.local.destroy()
  }

  private stop(parts: OpenParts): void {
    this.parts = null
    parts.unbind?.()
    parts.stopFollowingAnonymity()
    parts.provider.destroy()
    parts.relay.stop()
  }

  /**
   * Starts over from the server's board after it refused an edit: this browser's copy (in memory
   * and in IndexedDB) is dropped and the board is loaded again, so what everyone sees is what
   * this person sees. The refusal's message stays up.
   */
  private async resync(parts: OpenParts): Promise<void> {
    const now = Date.now()
    if (this.parts !== parts || now - this.lastResync < RESYNC_INTERVAL_MS) return
    this.lastResync = now
    const { refusal, refusalEndsOnSync } = this.snapshot.status
    this.stop(parts)
    await parts.local.clearData()
    if (this.parts !== null) return // reopened meanwhile (a remount)
    this.current.destroy()
    this.current = new Y.Doc()
    this.open()
    const status = { ...this.snapshot.status, refusal, refusalEndsOnSync }
    this.snapshot = { ...this.snapshot, status }
    for (const listener of this.listeners) listener()
  }

  getSnapshot = (): BoardSnapshot => this.snapshot

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private dispatch(event: RoomEvent): void {
    let status = reduceRoomStatus(this.snapshot.status, event)
    if (this.parts && !this.parts.unbind && !this.bindError && isBoardReady(status)) {
      this.bind(this.parts)
      // This browser's copy is from a newer board editor (the server would refuse it too).
      if (this.bindError) status = reduceRoomStatus(status, { type: 'board-incompatible' })
    }
    this.snapshot = { status, store: this.storeStatus(status) }
    for (const listener of this.listeners) listener()
  }

  /**
   * Follows the room's anonymous setting. When it changes, this person's edits go on under a new
   * Yjs client id: what they wrote before (with their name on it, or without) and what they write
   * from now on cannot be matched by the id they share.
   */
  private followAnonymity(): () => void {
    const roomState = this.doc.getMap<unknown>(ROOM_STATE_MAP)
    const follow = () => {
      const { anonymous } = readRoomState({ settings: roomState.get('settings') }).settings
      if (anonymous === this.anonymous.get()) return
      this.anonymous.set(anonymous)
      this.doc.clientID = newClientId()
    }
    follow()
    roomState.observe(follow)
    return () => roomState.unobserve(follow)
  }

  private bind(parts: OpenParts): void {
    const result = bindStoreToDoc(this.store, this.doc, {
      onRejectedRecord: (id, error) => console.warn(`Ignored an invalid record ${id}`, error),
    })
    if (!result.ok) {
      this.bindError = result.error
      return
    }
    const stopPresence = bindPresence(this.store, parts.provider.awareness, this.user)
    parts.unbind = () => {
      stopPresence()
      result.binding.unbind()
    }
  }

  private storeStatus(status: RoomStatus): TLStoreWithStatus {
    if (this.bindError) return { status: 'error', error: new Error(this.bindError) }
    if (!this.parts?.unbind) return { status: 'loading' }
    return {
      status: 'synced-remote',
      connectionStatus: connectionIndicator(status) === 'online' ? 'online' : 'offline',
      store: this.store,
    }
  }
}

/** A Yjs client id (an unsigned 32-bit number), as Yjs draws them. */
function newClientId(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0] ?? 0
}

/**
 * Everything one open board needs below the UI:
 * - the Y.Doc, its copy in this browser's IndexedDB (edits survive a reload while offline) and the
 *   y-websocket provider that syncs it with the server;
 * - the tldraw store, bound to the doc (and presence to awareness) once there is a board to show.
 *
 * React subscribes to `getSnapshot` and calls `open`/`close` from an effect; both can be called
 * again (StrictMode does), so the session survives a remount.
 */
import { CloseCode } from '@accord/sync/close-codes'
import { bindPresence, bindStoreToDoc, recordsOf } from '@accord/tldraw-yjs'
import {
  type Atom,
  atom,
  computed,
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  type TLStore,
  type TLStoreWithStatus,
  type TLUser,
} from 'tldraw'
import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { Role } from '@accord/facilitation'
import { memberUserAtom, userForMember } from './current-user'
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
  readonly provider: WebsocketProvider
  unbind?: () => void
}

export class BoardSession {
  readonly doc = new Y.Doc()
  /** This browser's user on the board: the member it joined as. */
  readonly user: Atom<TLUser | null>
  /** Whether the room is anonymous: then this person's edits carry no attribution. */
  private readonly anonymous = atom('anonymous room', false)
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
    this.user = memberUserAtom(member)
    this.store = createTLStore({
      shapeUtils: defaultShapeUtils,
      bindingUtils: defaultBindingUtils,
      // In an anonymous room tldraw gets no current user, so it stamps no author on notes.
      users: {
        currentUser: computed('attributed user', () =>
          this.anonymous.get() ? null : this.user.get(),
        ),
      },
      collaboration: { status: null, mode: this.editMode },
    })
  }

  get role(): Role {
    return this.member.role
  }

  setAnonymous(anonymous: boolean): void {
    this.anonymous.set(anonymous)
  }

  /** The member's name changed (accepted by the server): mirror it locally. */
  renamed(name: string): void {
    this.user.set(userForMember({ id: this.member.id, name }))
  }

  open(): void {
    if (this.parts) return
    const local = new IndexeddbPersistence(`accord:${this.roomId}`, this.doc)
    const provider = new WebsocketProvider(syncServerUrl(window.location), this.roomId, this.doc, {
      maxBackoffTime: 5000,
      params: { token: this.member.token },
    })
    const parts: OpenParts = { local, provider }
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
    provider.on('connection-close', (event) =>
      live(() => {
        // Retrying cannot help with these: the room is gone, or this credential no longer opens it.
        if (event?.code === CloseCode.RoomNotFound) {
          provider.disconnect()
          this.dispatch({ type: 'room-not-found' })
        } else if (event?.code === CloseCode.Unauthorized) {
          provider.disconnect()
          this.dispatch({ type: 'access-revoked' })
        }
      }),
    )
  }

  close(): void {
    const parts = this.parts
    if (!parts) return
    this.parts = null
    parts.unbind?.()
    parts.provider.destroy()
    void parts.local.destroy()
  }

  getSnapshot = (): BoardSnapshot => this.snapshot

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private dispatch(event: RoomEvent): void {
    const status = reduceRoomStatus(this.snapshot.status, event)
    if (this.parts && !this.parts.unbind && !this.bindError && isBoardReady(status)) {
      this.bind(this.parts)
    }
    this.snapshot = { status, store: this.storeStatus(status) }
    for (const listener of this.listeners) listener()
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

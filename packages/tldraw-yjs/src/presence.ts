/**
 * Presence (cursors, selections, names) travels through Yjs awareness, never the document.
 *
 * Each client publishes its tldraw presence record under the `presence` field of its awareness
 * state; every other client turns those states into `instance_presence` records in its store,
 * which is what tldraw draws collaborator cursors from.
 */
import { react, type Signal } from '@tldraw/state'
import {
  createPresenceStateDerivation,
  InstancePresenceRecordType,
  type TLInstancePresence,
  type TLPresenceUserInfo,
  type TLStore,
} from '@tldraw/tlschema'
import type { Awareness } from 'y-protocols/awareness'
import { applyRemoteRecords } from './remote-records.js'

export interface AwarenessChanges {
  readonly added: readonly number[]
  readonly updated: readonly number[]
  readonly removed: readonly number[]
}

export function presenceIdFor(clientId: number): TLInstancePresence['id'] {
  return InstancePresenceRecordType.createId(String(clientId))
}

/**
 * Which presence records to put and remove after an awareness change. The record id is always
 * derived from the sender's client id, whatever the state claims, so one client cannot move
 * another's cursor.
 */
export function presenceRecordChanges(
  states: ReadonlyMap<number, Record<string, unknown>>,
  changes: AwarenessChanges,
  selfClientId: number,
): { put: TLInstancePresence[]; remove: TLInstancePresence['id'][] } {
  const put: TLInstancePresence[] = []
  const remove: TLInstancePresence['id'][] = []
  for (const clientId of [...changes.added, ...changes.updated, ...changes.removed]) {
    if (clientId === selfClientId) continue
    const presence = states.get(clientId)?.presence
    if (isPresence(presence)) put.push({ ...presence, id: presenceIdFor(clientId) })
    else remove.push(presenceIdFor(clientId))
  }
  return { put, remove }
}

function isPresence(value: unknown): value is TLInstancePresence {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { typeName?: unknown }).typeName === 'instance_presence'
  )
}

export interface PresenceBindingOptions {
  /** Longest a presence change waits before it is published (batches pointer moves). */
  readonly publishIntervalMs?: number
}

/**
 * Publishes the local presence and mirrors everyone else's; returns a function that stops it.
 * Presence goes out under `awareness.clientID`: for anonymous rooms, that must not be the client
 * id the board's document writes under, or every edit would name its author (the web app syncs
 * through a relay document for this).
 */
export function bindPresence(
  store: TLStore,
  awareness: Awareness,
  $user: Signal<TLPresenceUserInfo | null>,
  options: PresenceBindingOptions = {},
): () => void {
  const selfClientId = awareness.clientID
  // tldraw's derivation takes a user signal that is never empty; without a user there is no
  // presence to publish, which `null` below says.
  const $presence = createPresenceStateDerivation(
    $user as Signal<TLPresenceUserInfo>,
    presenceIdFor(selfClientId),
  )(store)

  let timer: ReturnType<typeof setTimeout> | undefined
  const publish = () => {
    timer = undefined
    awareness.setLocalStateField('presence', $presence.get() ?? null)
  }
  const stopPublishing = react('publish presence', () => {
    $presence.get()
    timer ??= setTimeout(publish, options.publishIntervalMs ?? 40)
  })

  const mirror = (changes: AwarenessChanges) => {
    const { put, remove } = presenceRecordChanges(
      awareness.getStates() as Map<number, Record<string, unknown>>,
      changes,
      selfClientId,
    )
    applyRemoteRecords(store, put, remove)
  }
  awareness.on('change', mirror)
  mirror({ added: [...awareness.getStates().keys()], updated: [], removed: [] })

  return () => {
    stopPublishing()
    clearTimeout(timer)
    awareness.off('change', mirror)
    const others = [...awareness.getStates().keys()].filter((id) => id !== selfClientId)
    applyRemoteRecords(store, [], others.map(presenceIdFor))
  }
}

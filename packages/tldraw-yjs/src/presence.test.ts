import { atom } from '@tldraw/state'
import { InstancePresenceRecordType, type TLPresenceUserInfo } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { bindPresence, presenceIdFor, presenceRecordChanges } from './presence.js'
import { makeStore, PAGE_ID } from './testing/stores.js'

function presenceOf(clientId: number, userName: string) {
  return InstancePresenceRecordType.create({
    id: presenceIdFor(clientId),
    currentPageId: PAGE_ID,
    userId: `user:${clientId}`,
    userName,
  })
}

describe('presenceRecordChanges', () => {
  it('puts others’ presence and removes departed clients', () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, { presence: presenceOf(1, 'me') }],
      [2, { presence: presenceOf(2, 'Ada') }],
      [3, { presence: null }],
    ])
    const result = presenceRecordChanges(states, { added: [1, 2, 3], updated: [], removed: [4] }, 1)
    expect(result.put.map((p) => p.userName)).toEqual(['Ada'])
    expect(result.remove).toEqual([presenceIdFor(3), presenceIdFor(4)])
  })

  it('files a presence under its sender’s id, whatever id it claims', () => {
    const states = new Map<number, Record<string, unknown>>([
      [2, { presence: presenceOf(99, 'Mallory') }],
    ])
    const result = presenceRecordChanges(states, { added: [2], updated: [], removed: [] }, 1)
    expect(result.put[0]?.id).toBe(presenceIdFor(2))
  })
})

describe('bindPresence', () => {
  it('mirrors another client’s awareness presence into the store and removes it when they leave', () => {
    const store = makeStore()
    const local = new Awareness(new Y.Doc())
    const remote = new Awareness(new Y.Doc())
    const $user = atom<TLPresenceUserInfo | null>('user', null)
    const stop = bindPresence(store, local, $user)
    remote.setLocalStateField('presence', presenceOf(remote.clientID, 'Ada'))
    applyAwarenessUpdate(local, encodeAwarenessUpdate(remote, [remote.clientID]), 'remote')
    expect(store.get(presenceIdFor(remote.clientID))?.userName).toBe('Ada')
    remote.setLocalState(null)
    applyAwarenessUpdate(local, encodeAwarenessUpdate(remote, [remote.clientID]), 'remote')
    expect(store.has(presenceIdFor(remote.clientID))).toBe(false)
    stop()
    local.destroy()
    remote.destroy()
  })
})

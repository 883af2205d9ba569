import { readRoomState, ROOM_STATE_MAP, type RoomState } from '@accord/facilitation'
import { useMemo, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'

/** Keeps a parsed copy of the room-state map, refreshed whenever the server changes it. */
class RoomStateMirror {
  private readonly map: Y.Map<unknown>
  private state: RoomState

  constructor(doc: Y.Doc) {
    this.map = doc.getMap<unknown>(ROOM_STATE_MAP)
    this.state = readRoomState(this.map.toJSON())
  }

  subscribe = (onChange: () => void): (() => void) => {
    const observer = () => {
      this.state = readRoomState(this.map.toJSON())
      onChange()
    }
    this.map.observe(observer)
    return () => this.map.unobserve(observer)
  }

  get = (): RoomState => this.state
}

/** The server-owned room state (phases, timer, …), live from the room's document. */
export function useRoomState(doc: Y.Doc): RoomState {
  const mirror = useMemo(() => new RoomStateMirror(doc), [doc])
  return useSyncExternalStore(mirror.subscribe, mirror.get)
}

import { useEffect, useState } from 'react'
import { fetchRoom } from '../api/rooms'
import { findRecentBoard, rememberBoard } from '../home/recent-boards'

export type RoomInfoState =
  | { readonly state: 'loading' }
  | { readonly state: 'found'; readonly title: string }
  | { readonly state: 'not-found' }
  /** The server is unreachable; the title may come from this browser's recent boards. */
  | { readonly state: 'unreachable'; readonly title: string | null }

/** The board's metadata, remembered locally so that the board opens offline with its title. */
export function useRoomInfo(roomId: string): RoomInfoState {
  const [info, setInfo] = useState<RoomInfoState>({ state: 'loading' })
  useEffect(() => {
    let cancelled = false
    void fetchRoom(roomId).then((result) => {
      if (cancelled) return
      if (result.ok) {
        rememberBoard(localStorage, {
          id: roomId,
          title: result.value.title,
          visitedAt: new Date().toISOString(),
        })
        setInfo({ state: 'found', title: result.value.title })
      } else if (result.status === 404) {
        setInfo({ state: 'not-found' })
      } else {
        setInfo({
          state: 'unreachable',
          title: findRecentBoard(localStorage, roomId)?.title ?? null,
        })
      }
    })
    return () => {
      cancelled = true
    }
  }, [roomId])
  return info
}

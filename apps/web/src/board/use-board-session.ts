import { useEffect, useState, useSyncExternalStore } from 'react'
import { BoardSession, type BoardSnapshot } from './board-session'

/** The open board's session for as long as the component is mounted. */
export function useBoardSession(roomId: string): {
  session: BoardSession
  snapshot: BoardSnapshot
} {
  // BoardPage is keyed by room id, so one component instance only ever shows one room.
  const [session] = useState(() => new BoardSession(roomId))
  useEffect(() => {
    session.open()
    return () => session.close()
  }, [session])
  const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot)
  return { session, snapshot }
}

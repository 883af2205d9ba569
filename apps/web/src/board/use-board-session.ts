import { useEffect, useState, useSyncExternalStore } from 'react'
import { BoardSession, type BoardSnapshot } from './board-session'
import type { StoredMember } from './room-access'

/** The open board's session for as long as the component is mounted. */
export function useBoardSession(
  roomId: string,
  member: StoredMember,
): { session: BoardSession; snapshot: BoardSnapshot } {
  // The board is keyed by member credential, so one component instance only ever shows one.
  const [session] = useState(() => new BoardSession(roomId, member))
  useEffect(() => {
    session.open()
    return () => session.close()
  }, [session])
  const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot)
  return { session, snapshot }
}

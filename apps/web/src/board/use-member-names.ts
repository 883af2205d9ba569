import { useEffect } from 'react'
import { fetchMembers } from '../api/workshop'
import type { BoardSession } from './board-session'
import { memberUserId } from './current-user'

/** People join and rename over a workshop; names of those not present need a fresh list. */
const REFRESH_MS = 30_000

/** Keeps the session's list of the room's members (for note labels) fresh while the board is open. */
export function useMemberNames(session: BoardSession, roomId: string, token: string): void {
  useEffect(() => {
    let stopped = false
    const load = async () => {
      const result = await fetchMembers(roomId, token)
      if (stopped || !result.ok) return
      session.members.set(
        new Map(result.value.map((member) => [memberUserId(member.id), member.name])),
      )
    }
    void load()
    const timer = setInterval(() => void load(), REFRESH_MS)
    return () => {
      stopped = true
      clearInterval(timer)
    }
  }, [session, roomId, token])
}

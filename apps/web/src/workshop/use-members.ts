import { useEffect, useState } from 'react'
import { fetchMembers, type RoomMember } from '../api/workshop'

const REFRESH_MS = 5000

/** The room's facilitators and participants, refreshed while shown (people join over time). */
export function useMembers(roomId: string, token: string): readonly RoomMember[] {
  const [members, setMembers] = useState<readonly RoomMember[]>([])
  useEffect(() => {
    let stopped = false
    const load = async () => {
      const result = await fetchMembers(roomId, token)
      if (!stopped && result.ok) setMembers(result.value)
    }
    void load()
    const timer = setInterval(() => void load(), REFRESH_MS)
    return () => {
      stopped = true
      clearInterval(timer)
    }
  }, [roomId, token])
  return members
}

import { useCallback, useEffect, useState } from 'react'
import {
  fetchNotesSummary,
  fetchPrivateNotes,
  type NotesSummary,
  type PrivateNote,
} from '../api/room-reads'
import type { RoomCommand } from './use-room-command'

/**
 * This person's private notes (fetched from the server: they are in no shared document) and the
 * room's count of notes waiting to be revealed, refreshed while the panel is open.
 */
export function usePrivateNotes(roomId: string, token: string, active: boolean) {
  const [notes, setNotes] = useState<PrivateNote[]>([])
  const [summary, setSummary] = useState<NotesSummary>({ unrevealed: 0, writers: 0 })

  const refresh = useCallback(async () => {
    const [mine, counts] = await Promise.all([
      fetchPrivateNotes(roomId, token),
      fetchNotesSummary(roomId, token),
    ])
    if (mine.ok) setNotes(mine.value)
    if (counts.ok) setSummary(counts.value)
  }, [roomId, token])

  useEffect(() => {
    if (!active) return
    const first = setTimeout(() => void refresh(), 0)
    const timer = setInterval(() => void refresh(), 4000)
    return () => {
      clearTimeout(first)
      clearInterval(timer)
    }
  }, [active, refresh])

  /** Sends a notes command, then reloads the list. */
  const run = useCallback(
    async (send: (command: RoomCommand) => Promise<boolean>, command: RoomCommand) => {
      const sent = await send(command)
      await refresh()
      return sent
    },
    [refresh],
  )

  return { notes, summary, run }
}

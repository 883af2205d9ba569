import { useCallback, useEffect, useState } from 'react'
import type { RoomCommand } from './use-room-command'

export interface PrivateNote {
  readonly id: string
  readonly text: string
  /** The template region it was written for (e.g. a retro column), revealed into it. */
  readonly region: string | null
  readonly createdAt: string
  readonly revealed: boolean
}

export interface NotesSummary {
  readonly unrevealed: number
  readonly writers: number
}

async function getJson<T>(path: string, token: string): Promise<T | null> {
  try {
    const response = await fetch(path, { headers: { authorization: `Bearer ${token}` } })
    return response.ok ? ((await response.json()) as T) : null
  } catch {
    return null
  }
}

/**
 * This person's private notes (fetched from the server: they are in no shared document) and the
 * room's count of notes waiting to be revealed, refreshed while the panel is open.
 */
export function usePrivateNotes(roomId: string, token: string, active: boolean) {
  const [notes, setNotes] = useState<PrivateNote[]>([])
  const [summary, setSummary] = useState<NotesSummary>({ unrevealed: 0, writers: 0 })
  const base = `/api/rooms/${encodeURIComponent(roomId)}/private-notes`

  const refresh = useCallback(async () => {
    const [mine, counts] = await Promise.all([
      getJson<PrivateNote[]>(base, token),
      getJson<NotesSummary>(`${base}/summary`, token),
    ])
    if (mine) setNotes(mine)
    if (counts) setSummary(counts)
  }, [base, token])

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

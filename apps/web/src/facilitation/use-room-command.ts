import type { RoomCommand } from '@accord/api'
import { useCallback, useEffect, useState } from 'react'
import { sendCommand } from '../api/rooms'

/** Any command a room may be sent, as the contract types it (`@accord/api`). */
export type { RoomCommand }

/**
 * Sends room commands with this member's credential. The new state arrives through the room's
 * document like everyone else's; this only reports refusals (shown to the user).
 */
export function useRoomCommand(roomId: string, token: string) {
  const [error, setError] = useState<string | null>(null)
  const [pending, setPending] = useState(false)
  const clearError = useCallback(() => setError(null), [])
  useDismissAfter(error, clearError)
  const send = useCallback(
    async (command: RoomCommand): Promise<boolean> => {
      setPending(true)
      const result = await sendCommand(roomId, token, command)
      setPending(false)
      setError(result.ok ? null : result.message)
      return result.ok
    },
    [roomId, token],
  )
  return { send, error, pending, clearError }
}

/** Clears a message after a few seconds, long enough to read it. */
export function useDismissAfter(message: string | null, dismiss: () => void, ms = 6000): void {
  useEffect(() => {
    if (message === null) return
    const timer = setTimeout(dismiss, ms)
    return () => clearTimeout(timer)
  }, [message, dismiss, ms])
}

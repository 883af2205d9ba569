import { useCallback, useState } from 'react'
import { sendCommand } from '../api/rooms'

export type RoomCommand = { type: string } & Record<string, unknown>

/**
 * Sends room commands with this member's credential. The new state arrives through the room's
 * document like everyone else's; this only reports refusals (shown to the user).
 */
export function useRoomCommand(roomId: string, token: string) {
  const [error, setError] = useState<string | null>(null)
  const [pending, setPending] = useState(false)
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
  return { send, error, pending, clearError: () => setError(null) }
}

import type { PublicVote } from '@accord/facilitation'
import { useCallback, useEffect, useState } from 'react'
import { type BallotView, fetchMyBallot } from '../api/room-reads'
import { sendCommand } from '../api/rooms'
import { useDismissAfter } from './use-room-command'

/** This person's own dots in the open vote: loaded when a vote opens, updated by each cast. */
export function useMyBallot(roomId: string, token: string, vote: PublicVote | null) {
  const [view, setView] = useState<BallotView>({ voteId: null, ballot: {}, dotsLeft: 0 })
  const [error, setError] = useState<string | null>(null)
  const clearError = useCallback(() => setError(null), [])
  useDismissAfter(error, clearError)
  const openVoteId = vote?.status === 'open' ? vote.id : null

  useEffect(() => {
    if (!openVoteId) return
    let cancelled = false
    void fetchMyBallot(roomId, token).then((loaded) => {
      if (!cancelled && loaded.ok) setView(loaded.value)
    })
    return () => {
      cancelled = true
    }
  }, [roomId, token, openVoteId])

  const cast = useCallback(
    async (itemId: string, delta: 1 | -1) => {
      const result = await sendCommand(roomId, token, {
        type: 'vote.cast',
        itemId,
        delta,
      })
      if (result.ok) setView(result.value)
      setError(result.ok ? null : result.message)
    },
    [roomId, token],
  )

  const current =
    view.voteId === openVoteId
      ? view
      : { voteId: openVoteId, ballot: {}, dotsLeft: vote?.dotsPerPerson ?? 0 }
  return { ...current, cast, error }
}

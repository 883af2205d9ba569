import { useEffect, useState } from 'react'
import { fetchRoomTemplate } from '../api/templates'
import { loadAccess } from '../board/room-access'
import { type FacilitatedBoard, facilitatedBoards } from './gallery'
import { loadRecentBoards } from './recent-boards'

/**
 * The retros this browser facilitated (its recent boards where it holds a facilitator's
 * credential, asked of the server which are retros), looked up once, when first needed.
 */
export function useEarlierRetros(wanted: boolean): FacilitatedBoard[] | null {
  const [retros, setRetros] = useState<FacilitatedBoard[] | null>(null)
  useEffect(() => {
    if (!wanted || retros !== null) return
    let live = true
    const boards = facilitatedBoards(loadRecentBoards(localStorage), (id) =>
      loadAccess(localStorage, id),
    )
    void Promise.all(boards.map((board) => fetchRoomTemplate(board.roomId, board.token))).then(
      (templates) => {
        if (!live) return
        setRetros(boards.filter((_, i) => templates[i]?.ok && templates[i].value === 'retro'))
      },
    )
    return () => {
      live = false
    }
  }, [wanted, retros])
  return retros
}

/** "Follow up an earlier retro": the new retro opens by reviewing that one's open actions. */
export function FollowUpPicker({
  retros,
  value,
  error,
  onChange,
}: {
  retros: FacilitatedBoard[] | null
  value: string
  error: string | undefined
  onChange: (roomId: string) => void
}) {
  const helpId = 'follow-up-help'
  const errorId = 'follow-up-error'
  return (
    <div className="gallery-field gallery-follow-up" data-testid="follow-up">
      <label className="gallery-field__label" htmlFor="follow-up">
        Follow up an earlier retro
      </label>
      {retros === null ? (
        <p className="gallery-field__help" role="status">
          Looking for retros you facilitated…
        </p>
      ) : retros.length === 0 ? (
        <p className="gallery-field__help" data-testid="follow-up-none">
          None yet: retros you facilitate in this browser appear here, so the next one can start by
          reviewing their open actions.
        </p>
      ) : (
        <>
          <select
            id="follow-up"
            data-testid="follow-up-select"
            value={value}
            aria-describedby={[helpId, error ? errorId : null].filter(Boolean).join(' ')}
            aria-invalid={error ? true : undefined}
            onChange={(event) => onChange(event.target.value)}
          >
            <option value="">No — start fresh</option>
            {retros.map((retro) => (
              <option key={retro.roomId} value={retro.roomId}>
                {retro.title} · {new Date(retro.visitedAt).toLocaleDateString()}
              </option>
            ))}
          </select>
          <p className="gallery-field__help" id={helpId}>
            The new retro opens by reviewing that retro’s open action items.
          </p>
        </>
      )}
      {error && (
        <p className="gallery-field__error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  )
}

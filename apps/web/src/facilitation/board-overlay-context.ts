import { type Ballot, type Locks, noLocks, type PublicVote } from '@accord/facilitation'
import { createContext } from 'react'

/** What the overlays drawn in front of the canvas need from the board around it. */
export interface BoardOverlay {
  readonly locks: Locks
  readonly vote: PublicVote | null
  readonly ballot: Ballot
  readonly canVote: boolean
  readonly cast: (itemId: string, delta: 1 | -1) => void
  /** This person may change the board right now. */
  readonly canEdit: boolean
  /** Opens the action-item dialog for a note. */
  readonly editAction: (shapeId: string) => void
  /** The shape the room's attention is on (e.g. the theme under discussion), highlighted. */
  readonly spotlight: string | null
  /** The template region the current phase is about (its key), outlined. */
  readonly focus: string | null
}

export const BoardOverlayContext = createContext<BoardOverlay>({
  locks: noLocks,
  vote: null,
  ballot: {},
  canVote: false,
  cast: () => {},
  canEdit: false,
  editAction: () => {},
  spotlight: null,
  focus: null,
})

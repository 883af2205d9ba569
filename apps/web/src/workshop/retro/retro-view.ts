/**
 * What the retro panel shows, from the live result and the room's state: the themes in vote order
 * with where each stands in the discussion, and what the facilitator can do next.
 */
import type { RoomState } from '@accord/facilitation'
import { nextTheme, type RankedTheme, type RetroResult } from '@accord/templates'

export type ThemeStatus = 'discussing' | 'discussed' | 'waiting'

export interface ThemeRow extends RankedTheme {
  readonly status: ThemeStatus
}

/** The theme under discussion, from the retro's public state. */
export function discussing(state: RoomState): string | null {
  const id = state.workshop?.data.discussing
  return typeof id === 'string' ? id : null
}

/** The themes in vote order (board order before the vote closes), each with its status. */
export function themeRows(result: RetroResult, current: string | null): ThemeRow[] {
  return result.themes.map((theme) => ({
    ...theme,
    status: theme.id === current ? 'discussing' : theme.discussed ? 'discussed' : 'waiting',
  }))
}

/** [tpl:RE2] The theme "Next theme" puts under discussion: the best-ranked one not yet discussed. */
export function upNext(result: RetroResult): RankedTheme | null {
  return nextTheme(result)
}

/** Where the vote stands, in words for the themes list. */
export function voteNote(state: RoomState, result: RetroResult): string {
  if (state.vote?.status === 'open') return 'Dot vote open — tallies show when it closes.'
  if (result.vote)
    return `${result.vote.voters} ${result.vote.voters === 1 ? 'person' : 'people'} voted, ${result.vote.dotsPerPerson} dots each.`
  return 'Not voted on yet: in board order.'
}

export const reviewStatuses = [
  { status: 'done', label: 'Done' },
  { status: 'open', label: 'Still open' },
  { status: 'dropped', label: 'Dropped' },
] as const

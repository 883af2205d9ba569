/**
 * The template gallery's model: which templates to show (the server's list), in what order, which
 * one the address selects, and each one's phases and layout for the options chosen — computed
 * here with the template's own `create`, the same function the server lays the board out with.
 */
import type { Phase } from '@accord/facilitation'
import { findTemplate, type OptionValues, type PreviousWorkshop } from '@accord/templates'
import type { TemplateSummary } from '../api/templates'
import type { RecentBoard } from './recent-boards'
import type { RoomAccess } from '../board/room-access'
import type { PreviewRegion } from './preview-geometry'

export const BLANK = 'blank'

/** The server's templates, the blank board first (the quickest start), the rest as listed. */
export function galleryOrder(summaries: readonly TemplateSummary[]): TemplateSummary[] {
  return [...summaries.filter((t) => t.id === BLANK), ...summaries.filter((t) => t.id !== BLANK)]
}

/** `?template=retro` selects a template, so a gallery choice can be linked to. */
export function templateFromSearch(search: string): string {
  const id = new URLSearchParams(search).get('template')
  return id && /^[a-z0-9-]{1,60}$/.test(id) ? id : BLANK
}

export function searchForTemplate(id: string): string {
  return id === BLANK ? '' : `?template=${encodeURIComponent(id)}`
}

export interface PlanPreview {
  readonly phases: readonly Pick<Phase, 'id' | 'name' | 'instructions' | 'rules' | 'timerMinutes'>[]
  readonly regions: readonly PreviewRegion[]
}

/**
 * The phases and layout a new workshop would start with. The template's `create` gives them for
 * the options chosen; a template this build of the app does not know keeps the server's
 * description (its defaults).
 */
export function planPreview(
  summary: TemplateSummary,
  options: OptionValues,
  previous: PreviousWorkshop | null = null,
): PlanPreview {
  const template = findTemplate(summary.id)
  if (!template) return { phases: summary.phases, regions: summary.regions }
  const plan = template.create(options, previous)
  return { phases: plan.phases, regions: plan.regions }
}

/** Only a retrospective follows up an earlier one (its open actions are reviewed first). */
export const followsUp = (templateId: string) => templateId === 'retro'

/** A board this browser facilitates, with the member credential that proves it. */
export interface FacilitatedBoard {
  readonly roomId: string
  readonly title: string
  readonly visitedAt: string
  readonly token: string
}

/** The recent boards this browser joined as a facilitator, newest first. */
export function facilitatedBoards(
  recent: readonly RecentBoard[],
  accessOf: (roomId: string) => RoomAccess,
): FacilitatedBoard[] {
  return recent.flatMap((board) => {
    const member = accessOf(board.id).member
    return member?.role === 'facilitator'
      ? [{ roomId: board.id, title: board.title, visitedAt: board.visitedAt, token: member.token }]
      : []
  })
}

/** What the preview shows for an earlier retro before its actions are read (by the server). */
export function previewOfPrevious(board: FacilitatedBoard): PreviousWorkshop {
  return { roomId: board.roomId, title: board.title, openActions: [] }
}

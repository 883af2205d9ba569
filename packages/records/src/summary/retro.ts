/**
 * A retro's summary: the themes ranked by their dots with what was said about them, the action
 * items with owners and due dates, the review of the last retro's actions, and every note by
 * column.
 */
import type { RankedTheme, RetroResult } from '@accord/templates'
import { boardLink } from '../render/meta.js'
import type { SummaryBody } from './body.js'
import {
  type Block,
  item,
  line,
  list,
  muted,
  orDash,
  plural,
  section,
  type Section,
  table,
  text,
  user,
} from './document.js'
import { actionsSection } from './parts.js'

/** `origin`: the instance's address for the link to the last retro's board (see `ExportMeta`). */
export function retroSummary(result: RetroResult, origin: string | null): SummaryBody {
  return {
    details: [
      ['Format', [user(result.format.name)]],
      ...(result.team.trim() === '' ? [] : [['Team', [user(result.team)]] as const]),
    ],
    sections: [
      themesSection(result),
      actionsSection(result.actions),
      reviewSection(result, origin),
      section(
        'Notes by column',
        ...result.columns.map((column) =>
          item([user(column.title)], list(column.notes, 'No notes.')),
        ),
      ),
    ],
  }
}

function themesSection(result: RetroResult): Section {
  if (result.themes.length === 0)
    return section('Themes', muted('No themes: no notes were grouped.'))
  const vote = result.vote
    ? line(
        `Dot vote: ${plural(result.vote.dotsPerPerson, 'dot')} per person, ${plural(result.vote.voters, 'voter')}.`,
      )
    : muted('The vote has not closed: themes in board order.')
  return section('Themes, ranked by votes', vote, ...result.themes.map(theme))
}

function theme(ranked: RankedTheme): Block {
  const rank = ranked.rank === null ? '' : `${ranked.rank}. `
  const dots = ranked.dots === null ? '' : ` — ${plural(ranked.dots, 'dot')}`
  return item(
    [rank, user(ranked.name, 'Unnamed theme'), dots],
    list(ranked.notes, 'No notes.'),
    ranked.discussionNote.trim() !== ''
      ? item(['Discussion'], text(ranked.discussionNote))
      : ranked.discussed
        ? muted('Discussed; no notes taken.')
        : null,
  )
}

function reviewSection(result: RetroResult, origin: string | null): Section | null {
  const { previous, review } = result
  if (!previous && review.length === 0) return null
  const from = previous
    ? line(
        'Open actions from ',
        {
          link: [user(previous.title, 'the last retro')],
          href: boardLink(previous.roomId, origin),
        },
        ':',
      )
    : line('Open actions from the last retro:')
  return section(
    'Review of the last retro’s actions',
    from,
    review.length === 0
      ? muted('None were left open.')
      : table(
          ['Action', 'Owner', 'Due', 'Status'],
          review.map((entry) => [entry.text, entry.ownerName, orDash(entry.due), entry.status]),
        ),
  )
}

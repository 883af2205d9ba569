/**
 * A retro's summary: the themes ranked by their dots with what was said about them, the action
 * items with owners and due dates, the review of the last retro's actions, and every note by
 * column.
 */
import type { RankedTheme, RetroResult } from '@accord/templates'
import { mdBlock, mdLine } from '../markdown.js'
import { boardPath, type ExportMeta } from '../meta.js'
import {
  actionsSection,
  header,
  list,
  markdownDocument,
  orDash,
  plural,
  section,
  table,
} from './parts.js'

export function retroSummary(result: RetroResult, meta: ExportMeta): string {
  const details: [string, string][] = [['Format', mdLine(result.format.name)]]
  if (result.team.trim() !== '') details.push(['Team', mdLine(result.team)])
  return markdownDocument([
    header(meta, result.participants, details),
    themesSection(result),
    actionsSection(result.actions),
    reviewSection(result),
    section(
      'Notes by column',
      ...result.columns.map((column) =>
        [`### ${mdLine(column.title)}`, list(column.notes, '_No notes._')].join('\n\n'),
      ),
    ),
  ])
}

function themesSection(result: RetroResult): string {
  if (result.themes.length === 0) return section('Themes', '_No themes: no notes were grouped._')
  const vote = result.vote
    ? `Dot vote: ${plural(result.vote.dotsPerPerson, 'dot')} per person, ${plural(result.vote.voters, 'voter')}.`
    : '_The vote has not closed: themes in board order._'
  return section('Themes, ranked by votes', vote, ...result.themes.map(theme))
}

function theme(item: RankedTheme): string {
  const rank = item.rank === null ? '' : `${item.rank}. `
  const dots = item.dots === null ? '' : ` — ${plural(item.dots, 'dot')}`
  const title = `### ${rank}${mdLine(item.name) || 'Unnamed theme'}${dots}`
  const discussion = mdBlock(item.discussionNote)
  return [
    title,
    list(item.notes, '_No notes._'),
    discussion
      ? `**Discussion:**\n\n${discussion}`
      : item.discussed
        ? '_Discussed; no notes taken._'
        : '',
  ]
    .filter((block) => block !== '')
    .join('\n\n')
}

function reviewSection(result: RetroResult): string {
  const { previous, review } = result
  if (!previous && review.length === 0) return ''
  const from = previous
    ? `Open actions from [${mdLine(previous.title) || 'the last retro'}](${boardPath(previous.roomId)}):`
    : 'Open actions from the last retro:'
  return section(
    'Review of the last retro’s actions',
    from,
    review.length === 0
      ? '_None were left open._'
      : table(
          ['Action', 'Owner', 'Due', 'Status'],
          review.map((item) => [item.text, item.ownerName, orDash(item.due), item.status]),
        ),
  )
}

/** A blank board's summary: its groups of notes, every note, the vote, the action items. */
import type { BlankResult } from '@accord/templates'
import { mdLine } from '../markdown.js'
import type { ExportMeta } from '../meta.js'
import { actionsSection, header, list, markdownDocument, plural, section } from './parts.js'

export function blankSummary(result: BlankResult, meta: ExportMeta): string {
  const vote: [string, string][] = result.vote
    ? [
        [
          'Dot vote',
          `${plural(result.vote.dotsPerPerson, 'dot')} per person, ${plural(result.vote.voters, 'voter')}`,
        ],
      ]
    : []
  return markdownDocument([
    header(meta, result.participants, vote),
    result.groups.length === 0
      ? ''
      : section(
          'Groups',
          ...result.groups.map((group) =>
            [`### ${mdLine(group.name) || 'Unnamed group'}`, list(group.notes, '_No notes._')].join(
              '\n\n',
            ),
          ),
        ),
    section('Notes', list(result.notes, '_No notes._')),
    actionsSection(result.actions),
  ])
}

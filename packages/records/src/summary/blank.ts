/** A blank board's summary: its groups of notes, every note, the vote, the action items. */
import type { BlankResult } from '@accord/templates'
import type { SummaryBody } from './body.js'
import { item, list, plural, section } from './document.js'
import { actionsSection } from './parts.js'

export function blankSummary(result: BlankResult): SummaryBody {
  const { vote } = result
  return {
    details: vote
      ? [
          [
            'Dot vote',
            [`${plural(vote.dotsPerPerson, 'dot')} per person, ${plural(vote.voters, 'voter')}`],
          ],
        ]
      : [],
    sections: [
      result.groups.length === 0
        ? null
        : section(
            'Groups',
            ...result.groups.map((group) =>
              item(
                [{ user: group.name, fallback: 'Unnamed group' }],
                list(group.notes, 'No notes.'),
              ),
            ),
          ),
      section('Notes', list(result.notes, 'No notes.')),
      actionsSection(result.actions),
    ],
  }
}

/**
 * A disagree-and-commit session's summary — the decision record's content: the proposal and who
 * decides, its decision drivers, the options with their pros and cons, the decision with its
 * rationale and consequences, the questions and concerns the discussion raised, the stances, the dissent in the dissenters' own words, and who
 * committed (and who has not).
 */
import { type DecisionResult, stanceLabel, type StanceSummary } from '@accord/templates'
import { isoDay, isoMinute } from '../render/meta.js'
import type { SummaryBody } from './body.js'
import {
  item,
  joined,
  line,
  list,
  muted,
  plural,
  section,
  type Section,
  table,
  text,
  user,
} from './document.js'
import { actionsSection } from './parts.js'

const anonymous = 'Anonymous'
const scaleNames = {
  'fist-of-five': 'Fist of five',
  agreement: 'Agree / disagree but commit / block',
}

/** `supersededBy`: the record that has since replaced the one this workshop decided, if any. */
export function decisionSummary(
  result: DecisionResult,
  supersededBy: string | null = null,
): SummaryBody {
  const status = result.decision ? result.decision.outcome : 'proposed — not decided yet'
  const decider = result.decision?.deciderName ?? result.proposal?.deciderName ?? ''
  return {
    details: [
      ['Status', [status]],
      ['Decider', [user(decider, '—')]],
      // [rec:DR10] The settled decision this workshop revisits.
      ...(result.revisits
        ? ([['Revisits', [`${result.revisits.id} `, user(result.revisits.title)]]] as const)
        : []),
    ],
    sections: [
      ...proposalSections(result),
      concernsSection(result),
      decisionSection(result, supersededBy),
      stancesSection(result),
      dissentSection(result),
      commitmentsSection(result),
      actionsSection(result.actions),
    ],
  }
}

function proposalSections({ proposal }: DecisionResult): (Section | null)[] {
  if (!proposal) return [section('Proposal', muted('No proposal recorded yet.'))]
  const drivers = proposal.drivers.filter((driver) => driver.trim() !== '')
  return [
    section(
      'Proposal',
      line({ strong: [user(proposal.title, 'Untitled proposal')] }),
      text(proposal.context, 'No context given.'),
    ),
    drivers.length === 0 ? null : section('Decision drivers', list(drivers)),
    proposal.options.length === 0
      ? null
      : section(
          'Options considered',
          ...proposal.options.map((option) =>
            item([user(option.title, 'Untitled option')], {
              kind: 'list',
              items: [
                { lead: [{ strong: ['Pros:'] }, ' '], text: option.pros || '—' },
                { lead: [{ strong: ['Cons:'] }, ' '], text: option.cons || '—' },
              ],
            }),
          ),
        ),
  ]
}

/** [tpl:DC7] What the discussion raised on the board, before the decision was taken. */
function concernsSection({ concerns }: DecisionResult): Section {
  return section(
    'Questions and concerns',
    concerns.length === 0
      ? muted('None raised on the board.')
      : list(concerns.map((note) => note.text)),
  )
}

function decisionSection({ decision }: DecisionResult, supersededBy: string | null): Section {
  if (!decision) return section('Decision', muted('Not decided yet.'))
  const outcome = decision.outcome === 'accepted' ? 'Accepted' : 'Rejected'
  const verdict = [
    { strong: [outcome] },
    ' by ',
    user(decision.deciderName, '—'),
    ` on ${isoDay(decision.at)}.`,
    // What was decided here still reads as it was; that it no longer stands is said with it.
    ...(supersededBy ? [' Since superseded by ', { strong: [supersededBy] }, '.'] : []),
  ]
  return section(
    'Decision',
    decision.option === null
      ? line(...verdict)
      : line(...verdict, ' Chosen option: ', { strong: [user(decision.option)] }, '.'),
    text(decision.text),
    item(['Rationale'], text(decision.rationale, 'No rationale given.')),
    decision.consequences.trim() === ''
      ? null
      : item(['Consequences'], text(decision.consequences)),
    decision.acknowledgment.trim() === ''
      ? null
      : item(['Accepted over a block'], text(decision.acknowledgment)),
  )
}

function stanceLine(summary: StanceSummary): string {
  const parts = [plural(summary.count, 'stance')]
  if (summary.average !== null) parts.push(`average ${summary.average}`)
  parts.push(plural(summary.blocks, 'block'), `${summary.dissenting} dissenting`)
  return `${parts.join(', ')}.`
}

function stancesSection(result: DecisionResult): Section {
  if (!result.summary) return section('Stances', muted('Not revealed yet.'))
  return section(
    'Stances',
    line(`${scaleNames[result.scale]}: ${stanceLine(result.summary)}`),
    result.stances.length === 0
      ? null
      : table(
          ['Participant', 'Stance', 'Reason'],
          result.stances.map((s) => [s.name ?? anonymous, stanceLabel(s.value), s.reason]),
        ),
  )
}

function dissentSection(result: DecisionResult): Section | null {
  if (!result.summary) return null
  if (result.dissent.length === 0) return section('Dissent', muted('No dissent.'))
  return section('Dissent', line('In the dissenters’ own words:'), {
    kind: 'list',
    items: result.dissent.map((s) => ({
      lead: [
        { strong: [user(s.name ?? anonymous, anonymous)] },
        ' (',
        user(stanceLabel(s.value)),
        '): ',
      ],
      text: s.reason || '(no reason given)',
    })),
  })
}

function commitmentsSection(result: DecisionResult): Section {
  return section(
    'Commitments',
    result.commitments.length === 0
      ? muted('Nobody has committed yet.')
      : {
          kind: 'list',
          items: result.commitments.map((c) => ({
            lead: [user(c.name, 'Unnamed'), ` — committed ${isoMinute(c.at)}`],
          })),
        },
    result.notCommitted.length === 0
      ? line('Everyone has committed.')
      : line(
          { strong: ['Not committed yet:'] },
          ' ',
          ...joined(
            result.notCommitted.map((p) => [user(p.name, 'Unnamed')]),
            ', ',
          ),
        ),
  )
}

/**
 * A disagree-and-commit session's summary — the decision record's content: the proposal and who
 * decides, its decision drivers, the options with their pros and cons, the decision with its
 * rationale and consequences, the stances, the dissent in the dissenters' own words, and who
 * committed (and who has not).
 */
import { type DecisionResult, stanceLabel, type StanceSummary } from '@accord/templates'
import { mdLine, mdListItem } from '../markdown.js'
import { type ExportMeta, isoDay, isoMinute } from '../meta.js'
import {
  actionsSection,
  header,
  list,
  markdownDocument,
  paragraphs,
  plural,
  section,
  table,
} from './parts.js'

const anonymous = 'Anonymous'
const scaleNames = {
  'fist-of-five': 'Fist of five',
  agreement: 'Agree / disagree but commit / block',
}

export function decisionSummary(result: DecisionResult, meta: ExportMeta): string {
  const status = result.decision ? result.decision.outcome : 'proposed — not decided yet'
  return markdownDocument([
    header(meta, result.participants, [
      ['Status', status],
      [
        'Decider',
        mdLine(result.decision?.deciderName ?? result.proposal?.deciderName ?? '') || '—',
      ],
    ]),
    proposalSection(result),
    decisionSection(result),
    stancesSection(result),
    dissentSection(result),
    commitmentsSection(result),
    actionsSection(result.actions),
  ])
}

function proposalSection({ proposal }: DecisionResult): string {
  if (!proposal) return section('Proposal', '_No proposal recorded yet._')
  const options = proposal.options.map((option) =>
    [
      `### ${mdLine(option.title) || 'Untitled option'}`,
      [
        mdListItem(option.pros || '—', '**Pros:** '),
        mdListItem(option.cons || '—', '**Cons:** '),
      ].join('\n'),
    ].join('\n\n'),
  )
  const drivers = proposal.drivers.filter((driver) => driver.trim() !== '')
  return [
    section(
      'Proposal',
      `**${mdLine(proposal.title) || 'Untitled proposal'}**`,
      paragraphs(proposal.context, '_No context given._'),
    ),
    drivers.length === 0 ? '' : section('Decision drivers', list(drivers)),
    options.length === 0 ? '' : section('Options considered', ...options),
  ]
    .filter((block) => block !== '')
    .join('\n\n')
}

function decisionSection({ decision }: DecisionResult): string {
  if (!decision) return section('Decision', '_Not decided yet._')
  const outcome = decision.outcome === 'accepted' ? 'Accepted' : 'Rejected'
  const decider = mdLine(decision.deciderName) || '—'
  const verdict = `**${outcome}** by ${decider} on ${isoDay(decision.at)}.`
  return section(
    'Decision',
    decision.option === null
      ? verdict
      : `${verdict} Chosen option: **${mdLine(decision.option)}**.`,
    paragraphs(decision.text),
    `### Rationale\n\n${paragraphs(decision.rationale, '_No rationale given._')}`,
    decision.consequences.trim() === ''
      ? ''
      : `### Consequences\n\n${paragraphs(decision.consequences)}`,
  )
}

function stanceLine(summary: StanceSummary): string {
  const parts = [plural(summary.count, 'stance')]
  if (summary.average !== null) parts.push(`average ${summary.average}`)
  parts.push(plural(summary.blocks, 'block'), `${summary.dissenting} dissenting`)
  return `${parts.join(', ')}.`
}

function stancesSection(result: DecisionResult): string {
  if (!result.summary) return section('Stances', '_Not revealed yet._')
  return section(
    'Stances',
    `${scaleNames[result.scale]}: ${stanceLine(result.summary)}`,
    result.stances.length === 0
      ? ''
      : table(
          ['Participant', 'Stance', 'Reason'],
          result.stances.map((s) => [s.name ?? anonymous, stanceLabel(s.value), s.reason]),
        ),
  )
}

function dissentSection(result: DecisionResult): string {
  if (!result.summary) return ''
  if (result.dissent.length === 0) return section('Dissent', '_No dissent._')
  return section(
    'Dissent',
    'In the dissenters’ own words:',
    result.dissent
      .map((s) =>
        mdListItem(
          s.reason || '(no reason given)',
          `**${mdLine(s.name ?? anonymous) || anonymous}** (${mdLine(stanceLabel(s.value))}): `,
        ),
      )
      .join('\n'),
  )
}

function commitmentsSection(result: DecisionResult): string {
  const committed =
    result.commitments.length === 0
      ? '_Nobody has committed yet._'
      : result.commitments
          .map((c) => `- ${mdLine(c.name) || 'Unnamed'} — committed ${isoMinute(c.at)}`)
          .join('\n')
  const pending =
    result.notCommitted.length === 0
      ? 'Everyone has committed.'
      : `**Not committed yet:** ${result.notCommitted.map((p) => mdLine(p.name) || 'Unnamed').join(', ')}`
  return section('Commitments', committed, pending)
}

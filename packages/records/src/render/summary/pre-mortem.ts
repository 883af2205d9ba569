/**
 * A pre-mortem's summary: the plan and its owner, the premise, the risk register — every risk
 * ranked by dots or by likelihood × impact, with its mitigation and owner, then the reasons behind
 * each — and the reasons nobody clustered.
 */
import type { PreMortemResult, RegisterEntry } from '@accord/templates'
import { mdLine } from '../markdown.js'
import type { ExportMeta } from '../meta.js'
import {
  actionsSection,
  header,
  list,
  markdownDocument,
  orDash,
  paragraphs,
  section,
  table,
} from './parts.js'

export function preMortemSummary(result: PreMortemResult, meta: ExportMeta): string {
  const owner = result.plan ? mdLine(result.plan.ownerName) : ''
  return markdownDocument([
    header(meta, result.participants, owner ? [['Plan owner', owner]] : []),
    section('The plan', paragraphs(result.plan?.statement ?? '', '_No plan recorded._')),
    result.prompt.trim() === '' ? '' : section('The premise', paragraphs(result.prompt)),
    registerSection(result),
    result.unclustered.length === 0
      ? ''
      : section('Reasons not clustered into a risk', list(result.unclustered)),
    actionsSection(result.actions),
  ])
}

const product = (risk: RegisterEntry) =>
  risk.likelihood === null || risk.impact === null ? '—' : `${risk.likelihood} × ${risk.impact}`

function registerSection(result: PreMortemResult): string {
  if (result.risks.length === 0)
    return section('Risk register', '_No risks: no reasons were clustered._')
  const ranking =
    result.ranking === 'scores'
      ? 'Ranked by likelihood × impact: everyone scored both from 1 to 5; the score is the product of the means.'
      : 'Ranked by dot votes (the score is the dots).'
  return section(
    'Risk register',
    ranking,
    table(
      ['Rank', 'Risk', 'Score', 'Likelihood × impact', 'Mitigation', 'Owner'],
      result.risks.map((risk) => [
        orDash(risk.rank),
        risk.name,
        orDash(risk.score),
        product(risk),
        orDash(risk.mitigation?.text),
        orDash(risk.mitigation?.ownerName),
      ]),
    ),
    ...result.risks.map((risk) =>
      [
        `### ${risk.rank === null ? '' : `${risk.rank}. `}${mdLine(risk.name) || 'Unnamed risk'}`,
        list(risk.reasons, '_No reasons._'),
      ].join('\n\n'),
    ),
  )
}

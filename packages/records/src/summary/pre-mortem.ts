/**
 * A pre-mortem's summary: the plan and its owner, the premise, the risk register — every risk
 * ranked by dots or by likelihood × impact, with its mitigation and owner, then the reasons behind
 * each — and the reasons nobody clustered.
 */
import type { PreMortemResult, RegisterEntry } from '@accord/templates'
import type { SummaryBody } from './body.js'
import {
  item,
  line,
  list,
  muted,
  orDash,
  section,
  type Section,
  table,
  text,
  user,
} from './document.js'
import { mitigationActions } from '../from-result.js'
import { actionsSection } from './parts.js'

export function preMortemSummary(result: PreMortemResult): SummaryBody {
  const owner = result.plan?.ownerName ?? ''
  return {
    details: owner.trim() === '' ? [] : [['Plan owner', [user(owner)]]],
    sections: [
      section('The plan', text(result.plan?.statement ?? '', 'No plan recorded.')),
      result.prompt.trim() === '' ? null : section('The premise', text(result.prompt)),
      registerSection(result),
      result.unclustered.length === 0
        ? null
        : section('Reasons not clustered into a risk', list(result.unclustered)),
      // The same action items its records, CSV and /actions list: mitigations first (rec:RC3).
      actionsSection([...mitigationActions(result), ...result.actions]),
    ],
  }
}

const product = (risk: RegisterEntry) =>
  risk.likelihood === null || risk.impact === null ? '—' : `${risk.likelihood} × ${risk.impact}`

function registerSection(result: PreMortemResult): Section {
  if (result.risks.length === 0)
    return section('Risk register', muted('No risks: no reasons were clustered.'))
  return section(
    'Risk register',
    line(
      result.ranking === 'scores'
        ? 'Ranked by likelihood × impact: everyone scored both from 1 to 5; the score is the product of the means.'
        : 'Ranked by dot votes (the score is the dots).',
    ),
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
      item(
        [risk.rank === null ? '' : `${risk.rank}. `, user(risk.name, 'Unnamed risk')],
        list(risk.reasons, 'No reasons.'),
      ),
    ),
  )
}

/**
 * [rec:RN1] The workshop summary, per template: a header (title, template, date, board,
 * participants), then what the method produced — a retro's ranked themes, a pre-mortem's risk
 * register, an empathy map's regions, a disagree-and-commit's decision record, a blank board's
 * groups — and the action items. One builder per template; the switch is exhaustive, so a new
 * template does not compile until it has one.
 */
import type { ReadResult, WorkshopResult } from '@accord/templates'
import { blankSummary } from './blank.js'
import type { SummaryBody } from './body.js'
import { decisionSummary } from './decision.js'
import { type Section, section, text, user, type SummaryDocument } from './document.js'
import { empathyMapSummary } from './empathy-map.js'
import { headerFields, type Participant, type SummaryMeta } from './parts.js'
import { preMortemSummary } from './pre-mortem.js'
import { retroSummary } from './retro.js'

/** A result that could not be read back (see `readResult`). */
export type UnreadableResult = Extract<ReadResult, { readable: false }>

export function workshopSummary(
  result: WorkshopResult | UnreadableResult,
  meta: SummaryMeta,
): SummaryDocument {
  return isUnreadable(result)
    ? documentOf(meta, [], unreadable(result))
    : documentOf(meta, result.participants, bodyOf(result, meta))
}

const isUnreadable = (result: WorkshopResult | UnreadableResult): result is UnreadableResult =>
  'readable' in result

function documentOf(
  meta: SummaryMeta,
  participants: readonly Participant[],
  body: SummaryBody,
): SummaryDocument {
  return {
    title: user(meta.title, 'Untitled workshop'),
    fields: headerFields(meta, participants, body.details),
    sections: body.sections.filter((part): part is Section => part !== null),
  }
}

function bodyOf(result: WorkshopResult, meta: SummaryMeta): SummaryBody {
  switch (result.template) {
    case 'retro':
      return retroSummary(result, meta.origin ?? null)
    case 'pre-mortem':
      return preMortemSummary(result)
    case 'empathy-map':
      return empathyMapSummary(result)
    case 'disagree-and-commit':
      return decisionSummary(
        result,
        meta.decision?.status === 'superseded' ? (meta.decision.supersededBy ?? null) : null,
      )
    case 'blank':
      return blankSummary(result)
  }
}

/** Said plainly rather than guessed at: what was stored does not have a shape Accord knows. */
function unreadable(result: UnreadableResult): SummaryBody {
  return {
    details: [],
    sections: [section('Result', text(`This result could not be read (${result.problem}).`))],
  }
}

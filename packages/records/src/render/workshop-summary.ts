/**
 * [RN1] The workshop summary as Markdown, per template: a header (title, template, date, board,
 * participants), then what the method produced — a retro's ranked themes, a pre-mortem's risk
 * register, an empathy map's regions, a disagree-and-commit's decision record, a blank board's
 * groups — and the action items. All user text is escaped (see `markdown.ts`): the summary's
 * structure is Accord's alone. A template Accord does not know gets the header and its actions.
 */
import type {
  BlankResult,
  DecisionResult,
  EmpathyMapResult,
  PreMortemResult,
  RetroResult,
  WorkshopResult,
} from '@accord/templates'
import type { ExportMeta } from './meta.js'
import { blankSummary } from './summary/blank.js'
import { decisionSummary } from './summary/decision.js'
import { empathyMapSummary } from './summary/empathy-map.js'
import { actionsSection, header, markdownDocument, type Participant } from './summary/parts.js'
import { preMortemSummary } from './summary/pre-mortem.js'
import { retroSummary } from './summary/retro.js'

export function workshopMarkdown(result: WorkshopResult, meta: ExportMeta): string {
  switch (result.template) {
    case 'retro':
      return retroSummary(result as RetroResult, meta)
    case 'pre-mortem':
      return preMortemSummary(result as PreMortemResult, meta)
    case 'empathy-map':
      return empathyMapSummary(result as EmpathyMapResult, meta)
    case 'disagree-and-commit':
      return decisionSummary(result as DecisionResult, meta)
    case 'blank':
      return blankSummary(result as BlankResult, meta)
    default: {
      const { participants, actions } = result as Partial<BlankResult>
      return markdownDocument([
        header(meta, Array.isArray(participants) ? (participants as Participant[]) : []),
        actionsSection(Array.isArray(actions) ? actions : []),
      ])
    }
  }
}

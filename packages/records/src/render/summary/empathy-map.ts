/** An empathy map's summary: its persona, each region's notes in canvas order, insights, needs. */
import type { EmpathyMapResult } from '@accord/templates'
import { mdLine } from '../markdown.js'
import type { ExportMeta } from '../meta.js'
import { actionsSection, header, list, markdownDocument, section } from './parts.js'

export function empathyMapSummary(result: EmpathyMapResult, meta: ExportMeta): string {
  const persona = mdLine(result.persona)
  return markdownDocument([
    header(meta, result.participants, persona ? [['Persona', persona]] : []),
    section(
      'The map',
      ...result.regions.map((region) =>
        [
          `### ${mdLine(region.title) || 'Untitled region'}`,
          list(region.notes, '_No notes._'),
        ].join('\n\n'),
      ),
    ),
    section('Insights', list(result.insights)),
    section('Needs', list(result.needs)),
    actionsSection(result.actions),
  ])
}

/** An empathy map's summary: its persona, each region's notes in canvas order, insights, needs. */
import type { EmpathyMapResult } from '@accord/templates'
import type { SummaryBody } from './body.js'
import { item, list, section, user } from './document.js'
import { actionsSection } from './parts.js'

export function empathyMapSummary(result: EmpathyMapResult): SummaryBody {
  return {
    details: result.persona.trim() === '' ? [] : [['Persona', [user(result.persona)]]],
    sections: [
      section(
        'The map',
        ...result.regions.map((region) =>
          item([user(region.title, 'Untitled region')], list(region.notes, 'No notes.')),
        ),
      ),
      section('Insights', list(result.insights)),
      section('Needs', list(result.needs)),
      actionsSection(result.actions),
    ],
  }
}

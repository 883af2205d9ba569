/**
 * Every template Accord offers. Adding a method: write its folder, then list it here — the API,
 * the gallery and the server's commands pick it up from this list.
 */
import { phaseInput } from '@accord/facilitation'
import { blank } from './blank/index.js'
import { disagreeAndCommit } from './disagree-and-commit/index.js'
import { empathyMap } from './empathy-map/index.js'
import { defaultOptions } from './options.js'
import { preMortem } from './pre-mortem/index.js'
import { retro } from './retro/index.js'
import type { Template } from './template.js'

export const templates: readonly Template[] = [
  retro,
  preMortem,
  empathyMap,
  disagreeAndCommit,
  blank,
]

export function findTemplate(id: string): Template | null {
  return templates.find((template) => template.id === id) ?? null
}

/** What `GET /api/templates` publishes of a template: enough for a gallery with previews. */
export function describeTemplate(template: Template) {
  const plan = template.create(defaultOptions(template.optionFields), null)
  return {
    id: template.id,
    name: template.name,
    description: template.description,
    phases: plan.phases.map(phaseInput),
    regions: plan.regions.map(({ key, title, prompt, x, y, w, h, color }) => ({
      key,
      title,
      prompt,
      x,
      y,
      w,
      h,
      color,
    })),
    options: template.optionFields,
    actions: Object.keys(template.actions),
  }
}

/**
 * Every template Accord offers. Adding a method: write its folder, then give it its entry in
 * `TemplateResults` and `registry` here — the API, the gallery and the server's commands pick it
 * up from them, and every per-template switch (summaries, records, panels) stops compiling until
 * it handles the new result.
 */
import { phaseInput } from '@accord/facilitation'
import { type BlankResult, blank } from './blank/index.js'
import { disagreeAndCommit } from './disagree-and-commit/index.js'
import type { DecisionResult } from './disagree-and-commit/result.js'
import { type EmpathyMapResult, empathyMap } from './empathy-map/index.js'
import { defaultOptions } from './options.js'
import { preMortem } from './pre-mortem/index.js'
import type { PreMortemResult } from './pre-mortem/result.js'
import { retro } from './retro/index.js'
import type { RetroResult } from './retro/result.js'
import type { CarriedAction, Template } from './template.js'

/** Each template's id and the structured result it produces. */
export interface TemplateResults {
  readonly retro: RetroResult
  readonly 'pre-mortem': PreMortemResult
  readonly 'empathy-map': EmpathyMapResult
  readonly 'disagree-and-commit': DecisionResult
  readonly blank: BlankResult
}

export type TemplateId = keyof TemplateResults

/** A workshop's structured result: one of the templates' results, told apart by `template`. */
export type WorkshopResult = TemplateResults[TemplateId]

/** Any one of the registered templates, with its own result type. */
export type AnyTemplate = { [K in TemplateId]: Template<TemplateResults[K]> }[TemplateId]

const byId = {
  retro,
  'pre-mortem': preMortem,
  'empathy-map': empathyMap,
  'disagree-and-commit': disagreeAndCommit,
  blank,
}

const registry: { readonly [K in TemplateId]: Template<TemplateResults[K]> } = byId

/** Each template's commands, by template id: the contract (`@accord/api`) derives their input. */
export type TemplateActions = { readonly [K in TemplateId]: (typeof byId)[K]['actions'] }

/** In the gallery's order. */
export const templates: readonly AnyTemplate[] = Object.values(registry)

const isTemplateId = (id: string): id is TemplateId => Object.hasOwn(registry, id)

export function findTemplate(id: string): AnyTemplate | null {
  return isTemplateId(id) ? registry[id] : null
}

/**
 * A result read back from storage or the network: one of the templates' results when it parses
 * with its template's schema, or an explicit unreadable value (a template Accord no longer has,
 * or data that does not have the shape) — never a cast.
 */
export type ReadResult =
  | { readonly readable: true; readonly result: WorkshopResult }
  | {
      readonly readable: false
      readonly template: string
      readonly title: string
      /** Why it could not be read. */
      readonly problem: string
    }

export function readResult(value: unknown): ReadResult {
  const fields = typeof value === 'object' && value !== null ? value : {}
  const template =
    'template' in fields && typeof fields.template === 'string' ? fields.template : ''
  const title = 'title' in fields && typeof fields.title === 'string' ? fields.title : ''
  const found = findTemplate(template)
  if (!found) return { readable: false, template, title, problem: `unknown template "${template}"` }
  const parsed = found.resultSchema.safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.join('.') || 'result'
    return { readable: false, template, title, problem: `${where}: ${issue?.message ?? 'invalid'}` }
  }
  return { readable: true, result: parsed.data }
}

/** The actions a finished workshop leaves open, for the next one of the team to review. */
export function openActionsOf(result: WorkshopResult): CarriedAction[] {
  switch (result.template) {
    case 'retro':
      return retro.openActions(result)
    case 'pre-mortem':
      return preMortem.openActions(result)
    case 'empathy-map':
      return empathyMap.openActions(result)
    case 'disagree-and-commit':
      return disagreeAndCommit.openActions(result)
    case 'blank':
      return blank.openActions(result)
  }
}

/** What `GET /api/templates` publishes of a template: enough for a gallery with previews. */
export function describeTemplate(template: AnyTemplate) {
  const plan = template.create(defaultOptions(template.optionFields), null)
  // Any string on the wire: a server may offer templates a cached web app does not know yet.
  const id: string = template.id
  return {
    id,
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

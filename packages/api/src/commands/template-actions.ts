import type { TemplateActions } from '@accord/templates'
import type { z } from 'zod'
import type { Sent } from '../route.js'

/**
 * The commands each template adds to its rooms (`defineAction` in `@accord/templates`), by
 * template id: each one's input as a client sends it (fields with a default may be left out),
 * derived from the schema the template parses it with — written once, there.
 */
export type TemplateActionInputs = {
  readonly [Id in keyof TemplateActions]: {
    readonly [Type in keyof TemplateActions[Id]]: TemplateActions[Id][Type] extends {
      readonly schema: infer Schema extends z.ZodType
    }
      ? InputOf<Schema>
      : never
  }
}

/** A schema's input as sent; `z.object({})` (no fields) reads as a record of nothing. */
type InputOf<Schema extends z.ZodType> = string extends keyof z.input<Schema>
  ? NoInput
  : Sent<z.input<Schema>>

/** A command with nothing but its `type` (or a template with no actions). */
export type NoInput = Readonly<Record<never, never>>

export type TemplateWithActions = keyof TemplateActionInputs

/** The commands of one template, each with its `type`. */
export type TemplateCommandOf<Id extends TemplateWithActions> = {
  readonly [Type in keyof TemplateActionInputs[Id]]: {
    readonly type: Type
  } & TemplateActionInputs[Id][Type]
}[keyof TemplateActionInputs[Id]]

/** Any template's command. */
export type TemplateCommand = {
  readonly [Id in TemplateWithActions]: TemplateCommandOf<Id>
}[TemplateWithActions]

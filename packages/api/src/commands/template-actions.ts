/**
 * The commands each template adds to its rooms (`defineAction` in `@accord/templates`), by
 * template id: each one's input as a client sends it (fields with a default may be left out).
 *
 * The templates own these schemas and their rules, but `defineAction` hands out a `WorkshopAction`
 * whose input is `unknown`, so their types cannot be derived from there yet: they are written
 * down here once, and `template-actions.test.ts` holds them to the templates — every template's
 * actions, no more, and each one's schema accepting what this type allows.
 */
export interface TemplateActionInputs {
  readonly retro: {
    /** Puts a theme (a frame) under discussion, or none. */
    readonly 'theme.discuss': { readonly themeId: string | null }
    readonly 'theme.note': { readonly themeId: string; readonly note: string }
    /** Marks one of last retro's actions (by its index in the review). */
    readonly 'review.mark': {
      readonly index: number
      readonly status: 'open' | 'done' | 'dropped'
    }
  }
  readonly 'pre-mortem': {
    readonly 'brief.set': { readonly statement: string; readonly ownerId: string }
    /** Likelihood and impact, each 1 to 5, for one or more risks (frames). */
    readonly 'risk.score': {
      readonly scores: readonly {
        readonly riskId: string
        readonly likelihood: number
        readonly impact: number
      }[]
    }
    readonly 'scores.close': NoInput
    readonly 'risk.mitigate': {
      readonly riskId: string
      readonly mitigation: string
      readonly ownerId: string
    }
  }
  readonly 'empathy-map': NoInput
  readonly 'disagree-and-commit': {
    readonly 'proposal.set': {
      readonly title: string
      readonly context?: string
      readonly options?: readonly {
        readonly title: string
        readonly pros?: string
        readonly cons?: string
      }[]
      readonly drivers?: readonly string[]
      readonly informed?: readonly string[]
      readonly tags?: readonly string[]
      readonly deciderId: string
    }
    /** A point on the room's scale: a number (fist of five) or a word (agreement). */
    readonly 'stance.give': { readonly stance: number | string; readonly reason?: string }
    readonly 'stances.reveal': NoInput
    readonly 'decision.record': {
      readonly outcome: 'accepted' | 'rejected'
      readonly option?: string | null
      readonly decision: string
      readonly rationale: string
      readonly consequences?: string
    }
    readonly commit: NoInput
  }
  readonly blank: NoInput
}

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

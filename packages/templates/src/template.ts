/**
 * What a workshop template is: data (name, options, regions, phases) plus pure functions (what
 * its actions do to its state, and how its structured result is derived from the board, the
 * votes and its state). The server and the web app use templates only through this interface, so
 * adding a method means adding one folder and one line in the registry.
 */
import type { Permission, Phase, Result, Role, RoomState } from '@accord/facilitation'
import type { z } from 'zod'
import type { OptionField, OptionValues } from './options.js'

/** tldraw colour names, for region frames. */
export type RegionColor =
  'black' | 'blue' | 'green' | 'orange' | 'red' | 'violet' | 'yellow' | 'grey'

/** A pre-filled note in a region (e.g. the open actions carried over from the last retro). */
export interface SeedNote {
  readonly text: string
  readonly meta: Readonly<Record<string, string | number | boolean | null>>
}

/** A titled area of the board, with a prompt saying what goes in it. */
export interface Region {
  readonly key: string
  readonly title: string
  readonly prompt: string
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
  readonly color: RegionColor
  /** People write private notes for this region, and a reveal puts them in it. */
  readonly collects: boolean
  readonly notes?: readonly SeedNote[]
}

/** A finished earlier workshop of the same team, when a new one follows it up. */
export interface PreviousWorkshop {
  readonly roomId: string
  readonly title: string
  readonly openActions: readonly CarriedAction[]
}

/**
 * A settled decision a new disagree-and-commit revisits (rec:DR10): its record, and its words to
 * start the new proposal from. It stays current until the new workshop accepts a decision.
 */
export interface RevisitedDecision {
  readonly id: string
  readonly title: string
  /** The day it was decided (YYYY-MM-DD). */
  readonly date: string
  readonly draft: {
    readonly title: string
    readonly context: string
    readonly options: readonly { title: string; pros: string; cons: string }[]
    readonly drivers: readonly string[]
    readonly informed: readonly string[]
    readonly tags: readonly string[]
  }
}

export interface CarriedAction {
  readonly text: string
  readonly ownerName: string
  readonly due: string | null
  /** The stored item (`AI-7`) it is, once saved: a review's verdict follows it up (fac:AI4). */
  readonly id?: string | null
}

/** Everything a new workshop starts with. */
export interface WorkshopPlan {
  readonly phases: readonly Phase[]
  readonly regions: readonly Region[]
  /** The template's initial public state. */
  readonly data: Readonly<Record<string, unknown>>
  /** Nothing revealed or voted can be tied to its author. */
  readonly anonymous: boolean
}

export interface Member {
  readonly id: string
  readonly name: string
  readonly role: Role
}

/** One person's hidden input (a stance, risk scores): kept by the server until it is revealed. */
export interface Submission {
  readonly memberId: string
  readonly value: unknown
}

export interface ActionContext {
  readonly state: RoomState
  readonly options: OptionValues
  readonly data: Readonly<Record<string, unknown>>
  readonly actor: Member
  /** Everyone in the room. */
  readonly members: readonly Member[]
  /** The hidden submissions of the action's kind, when it declares one. */
  readonly submissions: readonly Submission[]
  /** The board's records (tldraw's, by value). */
  readonly records: readonly unknown[]
  readonly now: number
  /** Shuffles (for anonymous reveals); injectable so tests are repeatable. */
  readonly random: () => number
}

/** What an action changes: the template's state, the spotlight, the actor's hidden input. */
export interface ActionEffect {
  readonly data?: Readonly<Record<string, unknown>>
  readonly spotlight?: string | null
  /** Stores (replaces) the actor's submission of the action's kind. */
  readonly submit?: unknown
  /** A stored action item's new status, as a later workshop's review found it (fac:AI4). */
  readonly followUp?: { readonly actionId: string; readonly status: 'open' | 'done' | 'dropped' }
}

export type ActionOutcome =
  | { readonly ok: true; readonly value: ActionEffect }
  | { readonly ok: false; readonly error: string; readonly invalid?: true }

/** A command a template adds to its rooms (e.g. `stance.give`). */
export interface WorkshopAction<Schema extends z.ZodType = z.ZodType> {
  /** What a client sends (besides `type`): the contract (`@accord/api`) derives its type. */
  readonly schema: Schema
  readonly requires: Permission
  /** Completes "a <role> may not …" in refusals. */
  readonly action: string
  /** The kind of hidden submission the action reads and writes, if any. */
  readonly submissions?: string
  /** Parses `input` with `schema` (a refusal names the field), then applies the rule. */
  run(context: ActionContext, input: unknown): ActionOutcome
}

export type WorkshopActions = Readonly<Record<string, WorkshopAction>>

export interface ResultInput {
  readonly title: string
  readonly options: OptionValues
  readonly state: RoomState
  readonly data: Readonly<Record<string, unknown>>
  readonly records: readonly unknown[]
  readonly members: readonly Member[]
}

/**
 * What every template's structured result has: JSON, tagged with its template. The union of all
 * of them, `WorkshopResult`, is built in `registry.ts` from one entry per template.
 */
export interface ResultBase {
  readonly template: string
  readonly title: string
}

/**
 * A template whose structured result is `R` and whose commands are `Actions`: the compiler joins
 * them to the template, no cast needed.
 */
export interface Template<
  R extends ResultBase = ResultBase,
  Actions extends WorkshopActions = WorkshopActions,
> {
  readonly id: R['template']
  readonly name: string
  readonly description: string
  readonly optionFields: readonly OptionField[]
  create(
    options: OptionValues,
    previous: PreviousWorkshop | null,
    /** The decision a disagree-and-commit revisits, if it was opened to (rec:DR10). */
    revisit?: RevisitedDecision | null,
  ): WorkshopPlan
  readonly actions: Actions
  /** Derives the structured result from public state only, so it can be shown live anywhere. */
  result(input: ResultInput): R
  /** Reads a result that was stored or sent: what `result` returns, checked field by field. */
  readonly resultSchema: z.ZodType<R>
  /** The actions still open at the end (what the next workshop of the team reviews). */
  openActions(result: R): CarriedAction[]
  /**
   * What the server writes on the board from the workshop's data, each text in its region (under
   * the prompt, fixed for participants) — e.g. a disagree-and-commit's proposal and outcome — so
   * the board and its images show it; `record` is the decision record the workshop keeps, as the
   * decision log has it now (a board decided long ago says it was superseded since). Absent when
   * the template writes nothing.
   */
  boardContent?(
    data: Readonly<Record<string, unknown>>,
    record: BoardRecord | null,
  ): readonly RegionContent[]
  /**
   * What a change did to the workshop's decision, for its ledger (rec:LG1); absent when the
   * template keeps none. Pure: the server stores what it returns.
   */
  ledger?(change: WorkshopChange): readonly WorkshopEvent[]
}

/**
 * What happened on the way to a workshop's decision, for its ledger (rec:LG1): the server appends
 * each, with who and when, as it happens; they are never rewritten.
 */
export const workshopEventKinds = [
  'proposed',
  'proposal-changed',
  'stances-opened',
  'stance-given',
  'stance-changed',
  'revealed',
  'decided',
  'block-acknowledged',
] as const
export type WorkshopEventKind = (typeof workshopEventKinds)[number]

export interface WorkshopEvent {
  readonly kind: WorkshopEventKind
  /** Who (a name). */
  readonly by: string
  /** What there is to say about it in words people read — never a hidden stance's value. */
  readonly note: string
}

/** One change to a workshop — a template action, or a phase change — as its ledger sees it. */
export interface WorkshopChange {
  readonly before: Readonly<Record<string, unknown>>
  readonly after: Readonly<Record<string, unknown>>
  readonly phaseBefore: string
  readonly phaseAfter: string
  readonly actor: { readonly id: string; readonly name: string }
  /** The actor handed in a hidden submission (a stance) with this change. */
  readonly submitted: boolean
}

/** A workshop's decision record as the board shows it: which one, and where it stands now. */
export interface BoardRecord {
  readonly id: string
  readonly status: 'proposed' | 'accepted' | 'rejected' | 'superseded'
  readonly supersededBy: string | null
}

/** A text the server keeps in a region of the board. */
export interface RegionContent {
  readonly region: string
  /** The whole text; empty leaves the region without one. */
  readonly text: string
}

export type { OptionField, OptionValues, Result }

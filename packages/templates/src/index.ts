export { defineAction } from './actions.js'
export { notesByRegion, regionFrames, themes, type BoardNote, type Theme } from './board.js'
export { checkOptions, defaultOptions, type OptionField, type OptionValues } from './options.js'
export { rankBy } from './ranking.js'
export {
  describeTemplate,
  findTemplate,
  openActionsOf,
  readResult,
  templates,
  type AnyTemplate,
  type ReadResult,
  type TemplateActions,
  type TemplateId,
  type TemplateResults,
  type WorkshopResult,
} from './registry.js'
export type {
  ActionContext,
  ActionEffect,
  ActionOutcome,
  CarriedAction,
  Member,
  PreviousWorkshop,
  Region,
  RegionColor,
  ResultInput,
  SeedNote,
  Submission,
  Template,
  BoardRecord,
  WorkshopChange,
  WorkshopEvent,
  WorkshopEventKind,
  RegionContent,
  RevisitedDecision,
  WorkshopAction,
  WorkshopActions,
  WorkshopPlan,
  ResultBase,
} from './template.js'
export { workshopEventKinds } from './template.js'
export { retroFormats } from './retro/formats.js'
export { retroLimits } from './retro/index.js'
export { preMortemLimits } from './pre-mortem/index.js'
export { decisionLimits } from './disagree-and-commit/index.js'
export { nextTheme, type RankedTheme, type RetroResult } from './retro/result.js'
export type { PreMortemResult, RegisterEntry } from './pre-mortem/result.js'
export type { EmpathyMapResult } from './empathy-map/index.js'
export {
  type Commitment,
  type Decision,
  type DecisionData,
  type DecisionResult,
  type Proposal,
  type ProposalChange,
  readDecisionData,
  type RevealedStance,
} from './disagree-and-commit/result.js'
export {
  agreementLabels,
  fistLabels,
  needsReason,
  stanceLabel,
  stanceRound,
  type Scale,
  type StanceSummary,
} from './disagree-and-commit/stances.js'
export type { BlankResult } from './blank/index.js'

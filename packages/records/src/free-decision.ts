/**
 * "Record decision" on a board whose method has no decision steps of its own (a retro, a
 * pre-mortem, an empathy map, a blank board): a decision the facilitator writes down — title,
 * context, what was decided, why, its consequences and who decided — kept like any other record.
 */
import type { WorkshopResult } from '@accord/templates'
import type { DecisionDraft, DecisionStatus, RecordSource } from './model.js'

/** What the facilitator writes, the decision-makers already known to be the workshop's members. */
export interface FreeDecision {
  readonly title: string
  readonly context: string
  readonly decision: string
  readonly rationale: string
  readonly consequences: string
  readonly decisionMakers: readonly string[]
  readonly status: Extract<DecisionStatus, 'accepted' | 'proposed'>
  readonly tags: readonly string[]
}

/**
 * [rec:DR9] A disagree-and-commit reaches its decision through its own steps (proposal, stances,
 * the decider's call) and records it at its save or close; every other board takes free-form
 * decisions, as many as it reaches, each its own record.
 */
export const takesFreeDecisions = (result: WorkshopResult): boolean =>
  result.template !== 'disagree-and-commit'

/**
 * [rec:DR9] The record a free-form decision makes: what was written, decided by the members named;
 * nobody was asked for a stance, so none are recorded and nobody is listed as not committed.
 */
export function freeDecisionDraft(
  input: FreeDecision,
  source: RecordSource,
  at: Date,
): DecisionDraft {
  return {
    title: input.title,
    context: input.context,
    drivers: [],
    options: [],
    chosenOption: null,
    decision: input.decision,
    rationale: input.rationale,
    consequences: input.consequences,
    acknowledgment: '',
    decisionMakers: [...input.decisionMakers],
    consulted: [],
    informed: [],
    participants: [],
    stances: [],
    dissent: [],
    commitments: [],
    tags: [...input.tags],
    status: input.status,
    date: at.toISOString().slice(0, 10),
    source,
  }
}

/**
 * The records a workshop leaves behind, as Accord stores and exports them. A decision record
 * follows Nygard's ADR as extended by MADR (status, date, context, drivers, options with pros and
 * cons, outcome, rationale, consequences, decision-makers, consulted, informed) plus what only
 * Accord knows: the workshop and board region it came from, who took part, their stances, the
 * dissent in the dissenters' words, and who committed.
 */
import type { WorkshopEventKind } from '@accord/templates'

export type DecisionStatus = 'proposed' | 'accepted' | 'rejected' | 'superseded'
export const decisionStatuses: readonly DecisionStatus[] = [
  'proposed',
  'accepted',
  'rejected',
  'superseded',
]

export interface ConsideredOption {
  readonly title: string
  readonly pros: string
  readonly cons: string
}

export interface RecordedStance {
  /** The person's name, or null in an anonymous room. */
  readonly name: string | null
  /** The stance as people read it, e.g. "1 — Strong concerns" or "Disagree but commit". */
  readonly stance: string
  readonly reason: string
}

/** Where a record came from: the workshop, and the board shapes (a region, a theme) behind it. */
export interface RecordSource {
  readonly roomId: string
  readonly workshopTitle: string
  readonly template: string
  readonly shapeIds: readonly string[]
}

/** What a decision says. Once the record is accepted, this never changes: it is superseded. */
export interface DecisionContent {
  readonly title: string
  readonly context: string
  readonly drivers: readonly string[]
  readonly options: readonly ConsideredOption[]
  /** The option chosen, if options were considered. */
  readonly chosenOption: string | null
  readonly decision: string
  readonly rationale: string
  readonly consequences: string
  /**
   * Accepted over a block: how the decider heard it, in their words (empty when nobody blocked,
   * and for records made before Accord asked for it).
   */
  readonly acknowledgment: string
  readonly decisionMakers: readonly string[]
  readonly consulted: readonly string[]
  readonly informed: readonly string[]
  readonly participants: readonly string[]
  readonly stances: readonly RecordedStance[]
  readonly dissent: readonly RecordedStance[]
  readonly commitments: readonly { readonly name: string; readonly at: string }[]
  readonly tags: readonly string[]
}

export interface StatusEvent {
  readonly status: DecisionStatus
  /** Who changed it (a name), or null when Accord did (e.g. at a workshop's close). */
  readonly by: string | null
  readonly at: string
  readonly note: string
}

export type LedgerEventKind = 'committed' | WorkshopEventKind

/**
 * [rec:LG1][rec:DR4] What happened to a decision, appended to its ledger with who and when (its
 * status changes are its `history`): how its workshop reached it — proposed, reworded, stances
 * opened, a stance given or changed (never which), revealed, decided, a block acknowledged — and
 * a commitment made after it was accepted. The record's content never takes them in.
 */
export interface LedgerEvent {
  readonly kind: LedgerEventKind
  /** The person's name. */
  readonly by: string
  readonly at: string
  /** What there is to say about it (a proposal's title, an outcome, an acknowledgment); often ''. */
  readonly note: string
}

/** The ledger's kinds as people read them: "proposed", "gave a stance"… */
export const ledgerEventLabels: Readonly<Record<LedgerEventKind, string>> = {
  proposed: 'proposed it',
  'proposal-changed': 'changed the proposal',
  'stances-opened': 'opened the stances',
  'stance-given': 'gave a stance',
  'stance-changed': 'changed their stance',
  revealed: 'revealed the stances',
  decided: 'decided',
  'block-acknowledged': 'acknowledged the block',
  committed: 'committed',
}

export interface DecisionRecord extends DecisionContent {
  /** `DR-<number>`, numbered across the instance. */
  readonly id: string
  readonly number: number
  readonly status: DecisionStatus
  /** The day it was decided (YYYY-MM-DD). */
  readonly date: string
  readonly source: RecordSource
  /** The record this one replaces, and the one that replaced it. */
  readonly supersedes: string | null
  readonly supersededBy: string | null
  readonly history: readonly StatusEvent[]
  /**
   * What happened to it after its content was fixed, oldest first: commitments made after it was
   * accepted, which `commitments` lists too, after the ones made in the workshop (rec:DR4).
   */
  readonly ledger: readonly LedgerEvent[]
}

export type ActionStatus = 'open' | 'done' | 'dropped'
export const actionStatuses: readonly ActionStatus[] = ['open', 'done', 'dropped']

export interface ActionChange {
  /** `text` changes when a workshop is closed again after its note was reworded. */
  readonly field: 'status' | 'owner' | 'due' | 'text'
  readonly from: string | null
  readonly to: string | null
  readonly by: string | null
  readonly at: string
}

export interface ActionItemRecord {
  readonly id: string
  readonly source: RecordSource
  readonly text: string
  readonly ownerName: string
  readonly due: string | null
  readonly status: ActionStatus
  readonly history: readonly ActionChange[]
}

/** A risk from a pre-mortem's register. */
export interface RiskRecord {
  readonly name: string
  readonly reasons: readonly string[]
  readonly rank: number | null
  /** What the ranking used: dots, or likelihood × impact. */
  readonly score: number | null
  readonly likelihood: number | null
  readonly impact: number | null
  readonly mitigation: string | null
  readonly ownerName: string | null
  readonly shapeId: string
}

/** A retro theme with its votes. */
export interface ThemeRecord {
  readonly name: string
  readonly notes: readonly string[]
  readonly dots: number | null
  readonly rank: number | null
  readonly discussionNote: string
  readonly shapeId: string
}

/** Everything a closed workshop leaves, ready to store. */
export interface WorkshopRecords {
  readonly source: RecordSource
  /** The decision it reached (disagree-and-commit), without the number the store gives it. */
  readonly decision: DecisionDraft | null
  /**
   * The record its decision revisits (`DR-12`): superseded by it once it is accepted, not before
   * (rec:DR10).
   */
  readonly revisits: string | null
  readonly actions: readonly ActionDraft[]
  readonly risks: readonly RiskRecord[]
  readonly themes: readonly ThemeRecord[]
  readonly insights: readonly string[]
  readonly needs: readonly string[]
}

export type DecisionDraft = DecisionContent & {
  readonly status: DecisionStatus
  readonly date: string
  readonly source: RecordSource
}

export type ActionDraft = Omit<ActionItemRecord, 'id' | 'history' | 'status'> & {
  readonly status: ActionStatus
  /** Unique within its workshop (the note's shape id, or `mitigation:<risk>`): closing again updates it. */
  readonly key: string
}

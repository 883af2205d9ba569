import type { Result } from '@accord/facilitation'
import type {
  ActionItemRecord,
  ActionStatus,
  ActionUpdate,
  DecisionContent,
  DecisionDraft,
  DecisionRecord,
  DecisionStatus,
  RiskRecord,
  StatusEvent,
  ThemeRecord,
  WorkshopRecords,
} from '@accord/records'

/** What a save of a workshop left: its decision record (if it reached one) and its action items. */
export interface SavedWorkshop {
  /** The room's current record after the save, or null when the workshop reached no decision. */
  readonly decision: DecisionRecord | null
  /** The saved items, in the order of `records.actions`. */
  readonly actions: ActionItemRecord[]
}

/** Filters of the decision log; every given one must match. */
export interface DecisionQuery {
  /** Words, each of which must appear (case-insensitive) in the record's searchable text. */
  readonly q?: string
  readonly status?: DecisionStatus
  /** A decision-maker's name, case-insensitive. */
  readonly owner?: string
  readonly template?: string
  /** A tag, case-insensitive. */
  readonly tag?: string
  /** First and last day (YYYY-MM-DD, inclusive) of the record's date. */
  readonly from?: string
  readonly to?: string
}

export interface ActionItemQuery {
  /** The owner's name, case-insensitive. */
  readonly owner?: string
  readonly status?: ActionStatus
  readonly roomId?: string
  /** Only open items due before this day (YYYY-MM-DD). */
  readonly overdueOn?: string
}

export interface WorkshopOutputs {
  readonly risks: RiskRecord[]
  readonly themes: ThemeRecord[]
  readonly insights: string[]
  readonly needs: string[]
}

/**
 * The records workshops leave: decision records (immutable once accepted, superseded rather than
 * edited, every status change logged), action items (updated with history), and each workshop's
 * risks, themes, insights and needs. Where a rule refuses, the result is `{ ok: false, error }`;
 * an unknown id is null. Ids are `DR-<n>` and `AI-<n>`.
 */
export interface RecordRepository {
  /**
   * Saves what a workshop left, in one transaction. Action items are upserted by their key (new
   * ones take the draft's status; existing ones keep theirs, and changes to their text, owner or
   * due date are logged); risks, themes, insights and needs replace the previous ones. The
   * decision: inserted if the room has no current (non-superseded) record; edited in place while
   * that record is proposed (its status follows the draft's, logged); if it is accepted or
   * rejected and the content differs, a new record supersedes it; identical content changes
   * nothing, and so does content identical to an earlier record of the room (the board unchanged
   * since that record was superseded by hand). With no decision in `records`, any existing record
   * is left as it is.
   */
  saveWorkshop(records: WorkshopRecords, by: string | null, at: Date): Promise<SavedWorkshop>

  /** Records a decision now ("Record decision"): a new record with one status event. */
  createDecision(draft: DecisionDraft, by: string | null, at: Date): Promise<DecisionRecord>
  decision(id: string): Promise<DecisionRecord | null>
  /** The decision log, newest first (by date, then number). */
  searchDecisions(query?: DecisionQuery): Promise<DecisionRecord[]>
  /** A status change people make directly (accept, reject, re-propose), logged as `event`. */
  changeDecisionStatus(
    id: string,
    to: DecisionStatus,
    event: Omit<StatusEvent, 'status'>,
  ): Promise<Result<DecisionRecord> | null>
  /**
   * Replaces an accepted (or rejected) record with a new, accepted one carrying `content`: both
   * link to each other, the original's content stays as it was and its status becomes superseded.
   */
  supersedeDecision(
    id: string,
    content: DecisionContent,
    by: string | null,
    at: Date,
    note?: string,
  ): Promise<Result<{ original: DecisionRecord; successor: DecisionRecord }> | null>
  /** Every record from a room, oldest first. */
  decisionsOfRoom(roomId: string): Promise<DecisionRecord[]>

  /** Action items across workshops: by due date (undated last), then id. */
  actionItems(query?: ActionItemQuery): Promise<ActionItemRecord[]>
  actionItem(id: string): Promise<ActionItemRecord | null>
  updateActionItem(
    id: string,
    update: ActionUpdate,
    by: string | null,
    at: Date,
  ): Promise<Result<ActionItemRecord> | null>

  /** A workshop's risks, themes, insights and needs as last saved, in order. */
  workshopOutputs(roomId: string): Promise<WorkshopOutputs>
}

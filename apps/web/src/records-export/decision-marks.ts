/**
 * What the board says about the decisions recorded from it: a mark on the region each came from
 * ("Decided in DR-12"), the record that stands now, and what a save stored.
 */
import type { DecisionRecord, DecisionStatus } from '@accord/records'

type MarkedRecord = Pick<DecisionRecord, 'id' | 'number' | 'status' | 'supersededBy'> & {
  readonly source: Pick<DecisionRecord['source'], 'shapeIds'>
}

export interface DecisionMark {
  readonly id: string
  readonly status: DecisionStatus
  readonly text: string
  readonly href: string
}

export interface ShapeMarks {
  /** The board shape the record came from (its first source shape, e.g. the proposal frame). */
  readonly shapeId: string
  /** Newest first. */
  readonly marks: readonly DecisionMark[]
}

/** The decision log's page for a record. */
export const decisionHref = (id: string) => `/decisions/${encodeURIComponent(id)}`

/** The cross-workshop follow-up of action items. */
export const actionsHref = '/actions'

/** "Decided in DR-12", "Proposed: DR-12", "Rejected in DR-12", "Superseded: DR-12 → DR-14". */
export function markText(record: Pick<DecisionRecord, 'id' | 'status' | 'supersededBy'>): string {
  switch (record.status) {
    case 'accepted':
      return `Decided in ${record.id}`
    case 'proposed':
      return `Proposed: ${record.id}`
    case 'rejected':
      return `Rejected in ${record.id}`
    case 'superseded':
      return record.supersededBy
        ? `Superseded: ${record.id} → ${record.supersededBy}`
        : `Superseded: ${record.id}`
  }
}

/** The marks to draw, one stack per source shape; records without a source shape get none. */
export function marksByShape(records: readonly MarkedRecord[]): ShapeMarks[] {
  const byShape = new Map<string, MarkedRecord[]>()
  for (const record of records) {
    const shapeId = record.source.shapeIds[0]
    if (!shapeId) continue
    byShape.set(shapeId, [...(byShape.get(shapeId) ?? []), record])
  }
  return [...byShape].map(([shapeId, list]) => ({
    shapeId,
    marks: [...list]
      .sort((a, b) => b.number - a.number)
      .map((record) => ({
        id: record.id,
        status: record.status,
        text: markText(record),
        href: decisionHref(record.id),
      })),
  }))
}

/** The room's decision that stands: the newest not superseded, else the newest. */
export function currentDecision<T extends Pick<DecisionRecord, 'number' | 'supersededBy'>>(
  records: readonly T[],
): T | null {
  const newest = [...records].sort((a, b) => b.number - a.number)
  return newest.find((record) => record.supersededBy === null) ?? newest[0] ?? null
}

const plural = (count: number, one: string) => `${count} ${one}${count === 1 ? '' : 's'}`

/**
 * What a save stored, e.g. "Saved DR-12 (proposed) and 3 action items." A board that takes
 * free-form decisions records them apart ("Record decision"): its save never reaches one.
 */
export function savedSummary(
  saved: {
    readonly decision: Pick<DecisionRecord, 'id' | 'status'> | null
    readonly actions: readonly unknown[]
  },
  freeDecisions = false,
): string {
  const actions = plural(saved.actions.length, 'action item')
  if (saved.decision) return `Saved ${saved.decision.id} (${saved.decision.status}) and ${actions}.`
  if (freeDecisions) return `Saved ${actions}.`
  return saved.actions.length === 0
    ? 'Saved. No decision or action items yet.'
    : `Saved ${actions}. No decision yet.`
}

/**
 * The records workshops leave, as the web app reads and changes them: the decision log
 * (`/api/decisions`) and action items across workshops (`/api/action-items`), in the shapes of
 * `@accord/records`' model. Failures are values, as in `rooms.ts`.
 */
import {
  type ActionItemQuery,
  type ActionItemUpdate,
  api,
  type DecisionQuery,
  pathOf,
  type SupersedeChanges,
} from '@accord/api'
import type { DecisionStatus } from '@accord/records'
import { type ApiResult, call, queryString, requestResponse } from './rooms'

export type {
  ActionItemQuery,
  ActionItemUpdate,
  DecisionQuery,
  SupersedeChanges,
} from '@accord/api'
export {
  type ActionChange,
  type ActionItemRecord,
  type ActionStatus,
  actionStatuses,
  type ConsideredOption,
  type DecisionContent,
  type DecisionRecord,
  type DecisionStatus,
  decisionStatuses,
  afterDecision,
  ledgerLine,
  notCommitted,
  type RecordedStance,
  type RecordSource,
  type StatusEvent,
} from '@accord/records'
export { queryString }

export function searchDecisions(query: DecisionQuery) {
  return call(api.decisions.search, {}, null, { query })
}

/** The re-litigation guard: accepted decisions like a proposal being written. */
export function fetchSimilarDecisions(text: string) {
  return call(api.decisions.similar, {}, null, { query: { text } })
}

export function fetchDecision(id: string) {
  return call(api.decisions.read, { id }, null)
}

/** The board as it was when a record was accepted (rec:BS1): a Yjs update and when it was taken. */
export interface BoardAtDecision {
  readonly state: Uint8Array
  /** The time the server kept it, or null if the answer did not say. */
  readonly takenAt: Date | null
}

/**
 * The board kept with a record, for a member of its workshop (`token`, any role); a refusal
 * `snapshot_not_found` when none was kept, `unauthorized` without a credential of the workshop.
 */
export async function fetchBoardAtDecision(
  id: string,
  token: string | null,
): Promise<ApiResult<BoardAtDecision>> {
  const answered = await requestResponse('GET', pathOf(api.decisions.boardState, { id }), token)
  if (!answered.ok) return answered
  const state = new Uint8Array(await answered.value.arrayBuffer())
  const modified = answered.value.headers.get('last-modified')
  const takenAt = modified === null ? null : new Date(modified)
  return {
    ok: true,
    value: { state, takenAt: takenAt && !Number.isNaN(takenAt.getTime()) ? takenAt : null },
  }
}

/** Where the browser downloads a record: MADR Markdown (readable by ADR tools) or JSON. */
export function decisionExportUrl(id: string, format: 'md' | 'json' = 'md'): string {
  return `${pathOf(api.decisions.export, { id })}${queryString({ format })}`
}

/**
 * Where the browser downloads the log (what `query` selects) as a ZIP of a `decisions/` folder:
 * one MADR file per record and an index, as ADR tools keep them.
 */
export function decisionLogExportUrl(query: DecisionQuery): string {
  return `${pathOf(api.decisions.exportLog, {})}${queryString({ ...query, format: 'madr' })}`
}

/** Accepts, rejects or re-proposes a record, as a facilitator of the room it came from. */
export function changeDecisionStatus(id: string, token: string, status: DecisionStatus, note = '') {
  return call(api.decisions.changeStatus, { id }, token, { body: { status, note } })
}

/** Replaces a settled record with a new one; both link to each other. */
export function supersedeDecision(id: string, token: string, changes: SupersedeChanges) {
  return call(api.decisions.supersede, { id }, token, { body: changes })
}

export function fetchActionItems(query: ActionItemQuery) {
  return call(api.actionItems.search, {}, null, { query })
}

/** Changes an item's status, owner or due date, as a member of the room it came from. */
export function updateActionItem(id: string, token: string, update: ActionItemUpdate) {
  return call(api.actionItems.update, { id }, token, { body: update })
}

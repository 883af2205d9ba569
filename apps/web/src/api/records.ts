/**
 * The records workshops leave, as the web app reads and changes them: the decision log
 * (`/api/decisions`) and action items across workshops (`/api/action-items`), in the shapes of
 * `@accord/records`' model. Failures are values, as in `rooms.ts`.
 */
import type {
  ActionItemRecord,
  ActionStatus,
  DecisionContent,
  DecisionRecord,
  DecisionStatus,
} from '@accord/records'
import { type ApiResult, request } from './rooms'

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
  type RecordedStance,
  type RecordSource,
  type StatusEvent,
} from '@accord/records'

/** The decision log's filters, as the API takes them (every one optional). */
export interface DecisionQuery {
  readonly q?: string
  readonly status?: DecisionStatus
  /** A decision-maker's whole name. */
  readonly owner?: string
  readonly template?: string
  readonly tag?: string
  /** First and last day, YYYY-MM-DD. */
  readonly from?: string
  readonly to?: string
}

/** What a superseding record changes; everything not given is carried over from the original. */
export type SupersedeChanges = Partial<
  Pick<
    DecisionContent,
    | 'title'
    | 'context'
    | 'drivers'
    | 'options'
    | 'chosenOption'
    | 'decision'
    | 'rationale'
    | 'consequences'
    | 'decisionMakers'
    | 'consulted'
    | 'informed'
    | 'tags'
  >
> & { readonly note?: string }

export interface ActionItemQuery {
  readonly owner?: string
  readonly status?: ActionStatus | 'overdue'
  readonly room?: string
}

export interface ActionItemUpdate {
  readonly status?: ActionStatus
  readonly ownerName?: string
  readonly due?: string | null
}

/** `?a=1&b=2` from the given (non-empty) values, or '' when there are none. */
export function queryString(values: Readonly<Record<string, string | undefined>>): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value)
  const text = params.toString()
  return text ? `?${text}` : ''
}

const decisionPath = (id: string) => `/api/decisions/${encodeURIComponent(id)}`

export function searchDecisions(query: DecisionQuery): Promise<ApiResult<DecisionRecord[]>> {
  return request<DecisionRecord[]>('GET', `/api/decisions${queryString({ ...query })}`, null)
}

export function fetchDecision(id: string): Promise<ApiResult<DecisionRecord>> {
  return request<DecisionRecord>('GET', decisionPath(id), null)
}

/** Where the browser downloads a record: MADR Markdown (readable by ADR tools) or JSON. */
export function decisionExportUrl(id: string, format: 'md' | 'json' = 'md'): string {
  return `${decisionPath(id)}/export?format=${format}`
}

/** Accepts, rejects or re-proposes a record, as a facilitator of the room it came from. */
export function changeDecisionStatus(
  id: string,
  token: string,
  status: DecisionStatus,
  note = '',
): Promise<ApiResult<DecisionRecord>> {
  return request<DecisionRecord>('POST', `${decisionPath(id)}/status`, token, { status, note })
}

/** Replaces a settled record with a new one; both link to each other. */
export function supersedeDecision(
  id: string,
  token: string,
  changes: SupersedeChanges,
): Promise<ApiResult<{ original: DecisionRecord; successor: DecisionRecord }>> {
  return request('POST', `${decisionPath(id)}/supersede`, token, changes)
}

export function fetchActionItems(query: ActionItemQuery): Promise<ApiResult<ActionItemRecord[]>> {
  return request<ActionItemRecord[]>('GET', `/api/action-items${queryString({ ...query })}`, null)
}

/** Changes an item's status, owner or due date, as a member of the room it came from. */
export function updateActionItem(
  id: string,
  token: string,
  update: ActionItemUpdate,
): Promise<ApiResult<ActionItemRecord>> {
  return request<ActionItemRecord>(
    'POST',
    `/api/action-items/${encodeURIComponent(id)}`,
    token,
    update,
  )
}

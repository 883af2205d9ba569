/**
 * The decision log's filters and the page address, both ways: `/decisions?q=postgres&status=accepted`
 * can be shared and opens the same search. Unknown or malformed values are ignored.
 */
import {
  type DecisionQuery,
  type DecisionStatus,
  decisionStatuses,
  queryString,
} from '../api/records'

export interface DecisionFilters {
  readonly q: string
  readonly status: DecisionStatus | ''
  readonly owner: string
  readonly template: string
  readonly tag: string
  readonly from: string
  readonly to: string
}

export const noFilters: DecisionFilters = {
  q: '',
  status: '',
  owner: '',
  template: '',
  tag: '',
  from: '',
  to: '',
}

const DAY = /^\d{4}-\d{2}-\d{2}$/
const isStatus = (value: string): value is DecisionStatus =>
  (decisionStatuses as readonly string[]).includes(value)

/** The filters a query string (`?q=…`) asks for. */
export function filtersFromSearch(search: string): DecisionFilters {
  const params = new URLSearchParams(search)
  const text = (key: string, max: number) => (params.get(key) ?? '').slice(0, max)
  const day = (key: string) => {
    const value = params.get(key) ?? ''
    return DAY.test(value) ? value : ''
  }
  const status = params.get('status') ?? ''
  return {
    q: text('q', 200),
    status: isStatus(status) ? status : '',
    owner: text('owner', 80),
    template: text('template', 60),
    tag: text('tag', 60),
    from: day('from'),
    to: day('to'),
  }
}

/** What the API is asked: trimmed, empty filters left out. */
export function apiQuery(filters: DecisionFilters): DecisionQuery {
  const query: Record<string, string> = {}
  for (const [key, value] of Object.entries(filters) as [keyof DecisionFilters, string][]) {
    const trimmed = key === 'q' ? value.trim().replace(/\s+/g, ' ') : value.trim()
    if (trimmed !== '') query[key] = trimmed
  }
  return query as DecisionQuery
}

/** The query string for the filters (`?q=…&status=…`, or '' with none). */
export function searchForFilters(filters: DecisionFilters): string {
  const query = apiQuery(filters)
  return queryString({
    q: query.q,
    status: query.status,
    owner: query.owner,
    template: query.template,
    tag: query.tag,
    from: query.from,
    to: query.to,
  })
}

export function hasFilters(filters: DecisionFilters): boolean {
  return searchForFilters(filters) !== ''
}

/** A problem with the date range, said plainly, or null. */
export function dateRangeProblem(filters: DecisionFilters): string | null {
  if (filters.from && filters.to && filters.from > filters.to)
    return 'The “from” date is after the “to” date: no decision can match.'
  return null
}

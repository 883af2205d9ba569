import { type ChangeEvent, type FormEvent, useEffect, useState } from 'react'
import {
  type DecisionRecord,
  decisionLogExportUrl,
  decisionStatuses,
  searchDecisions,
} from '../api/records'
import { Link } from '../app/Link'
import { useKeyedLoad } from '../app/use-keyed-load'
import { onNavigation, replaceAddress } from '../app/navigation'
import { decisionLogPath, decisionPath, matchRoute } from '../app/routes'
import { statusLabels } from './decision-view'
import {
  apiQuery,
  dateRangeProblem,
  type DecisionFilters,
  filtersFromSearch,
  hasFilters,
  noFilters,
  searchForFilters,
} from './log-filters'
import { formatDay, RecordsHeader } from './RecordsHeader'
import { StatusBadge } from './StatusBadge'
import { useTemplateNames } from './use-template-names'

/** How long typing pauses before the search runs. */
const DEBOUNCE_MS = 300

/**
 * `/decisions`: every decision across workshops, newest first — full-text search and filters,
 * kept in the address (`?q=…&status=…`) so a search can be shared and survives a reload.
 */
export function DecisionLogPage() {
  const [draft, setDraft] = useState<DecisionFilters>(() =>
    filtersFromSearch(window.location.search),
  )
  const [applied, setApplied] = useState(draft)
  const templates = useTemplateNames()
  const appliedSearch = searchForFilters(applied)
  const {
    loaded: results,
    loading,
    retry,
  } = useKeyedLoad(appliedSearch, () => searchDecisions(apiQuery(filtersFromSearch(appliedSearch))))

  useEffect(() => {
    document.title = 'Decision log · Accord'
  }, [])

  // Typing settles before the search runs; choices (selects, dates) apply at once.
  useEffect(() => {
    const timer = setTimeout(() => setApplied(draft), DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [draft])

  useEffect(() => replaceAddress(decisionLogPath + appliedSearch), [appliedSearch])

  // Back and forward, or a link to the log with other filters: show what the address says.
  useEffect(
    () =>
      onNavigation(() => {
        if (matchRoute(window.location.pathname).name !== 'decisions') return
        const filters = filtersFromSearch(window.location.search)
        setDraft(filters)
        setApplied(filters)
      }),
    [],
  )

  const change =
    (field: keyof DecisionFilters, immediate: boolean) =>
    (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
      const next = { ...draft, [field]: event.target.value }
      setDraft(next)
      if (immediate) setApplied(next)
    }
  const clear = () => {
    setDraft(noFilters)
    setApplied(noFilters)
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    setApplied(draft)
  }
  const rangeProblem = dateRangeProblem(draft)
  const records = results?.ok ? results.value : []

  return (
    <div className="log-page">
      <RecordsHeader current="decisions" />
      <main className="log-main" aria-labelledby="log-heading">
        <div className="log-intro">
          <h1 id="log-heading">Decision log</h1>
          <p>
            Every decision recorded in a workshop: what was decided, why, and who disagreed but
            committed. Accepted decisions are never edited — they are superseded by new ones.
          </p>
        </div>

        <form className="log-search" role="search" aria-label="Decisions" onSubmit={submit}>
          <div className="log-search__query">
            <label htmlFor="log-q">Search decisions</label>
            <input
              id="log-q"
              type="search"
              data-testid="log-search"
              placeholder="Words from a title, context, rationale, dissent…"
              maxLength={200}
              value={draft.q}
              onChange={change('q', false)}
            />
          </div>
          <fieldset className="log-filters">
            <legend className="visually-hidden">Filters</legend>
            <label className="log-field">
              Status
              <select
                data-testid="log-filter-status"
                value={draft.status}
                onChange={change('status', true)}
              >
                <option value="">Any status</option>
                {decisionStatuses.map((status) => (
                  <option key={status} value={status}>
                    {statusLabels[status]}
                  </option>
                ))}
              </select>
            </label>
            <label className="log-field">
              Decision-maker
              <input
                data-testid="log-filter-owner"
                placeholder="Full name"
                maxLength={80}
                value={draft.owner}
                onChange={change('owner', false)}
              />
            </label>
            <label className="log-field">
              Template
              <select
                data-testid="log-filter-template"
                value={draft.template}
                onChange={change('template', true)}
              >
                <option value="">Any template</option>
                {[...templates].map(([id, name]) => (
                  <option key={id} value={id}>
                    {name}
                  </option>
                ))}
                {draft.template && !templates.has(draft.template) && (
                  <option value={draft.template}>{draft.template}</option>
                )}
              </select>
            </label>
            <label className="log-field">
              Tag
              <input
                data-testid="log-filter-tag"
                maxLength={60}
                value={draft.tag}
                onChange={change('tag', false)}
              />
            </label>
            <label className="log-field">
              From
              <input
                type="date"
                data-testid="log-filter-from"
                value={draft.from}
                max={draft.to || undefined}
                onChange={change('from', true)}
              />
            </label>
            <label className="log-field">
              To
              <input
                type="date"
                data-testid="log-filter-to"
                value={draft.to}
                min={draft.from || undefined}
                onChange={change('to', true)}
              />
            </label>
            {hasFilters(draft) && (
              <button
                type="button"
                className="button button--quiet log-filters__clear"
                data-testid="log-clear"
                onClick={clear}
              >
                Clear
              </button>
            )}
          </fieldset>
          {rangeProblem && (
            <p className="form-error" role="alert">
              {rangeProblem}
            </p>
          )}
        </form>

        <section className="log-results" aria-labelledby="log-results-heading" aria-busy={loading}>
          <h2 id="log-results-heading" className="visually-hidden">
            Results
          </h2>
          <div className="log-count-bar">
            <p className="log-count" role="status" data-testid="log-count">
              {loading
                ? 'Searching…'
                : results?.ok
                  ? `${records.length} ${records.length === 1 ? 'decision' : 'decisions'}${hasFilters(applied) ? ' match' : ''}`
                  : ''}
            </p>
            {results?.ok && records.length > 0 && (
              <a
                className="button button--quiet"
                href={decisionLogExportUrl(apiQuery(applied))}
                download
                data-testid="log-download-madr"
              >
                Download as MADR files (.zip)
              </a>
            )}
          </div>
          {results && !results.ok && (
            <div className="log-problem" role="alert">
              <p>The decision log could not be loaded: {results.message}</p>
              <button className="button" type="button" onClick={retry}>
                Try again
              </button>
            </div>
          )}
          {results?.ok && records.length === 0 && !loading && (
            <div className="log-empty" data-testid="log-empty">
              {hasFilters(applied) ? (
                <>
                  <p>No decision matches this search.</p>
                  <button className="button" type="button" onClick={clear}>
                    Show every decision
                  </button>
                </>
              ) : (
                <>
                  <p>No decisions recorded yet.</p>
                  <p className="form-hint">
                    A decision is recorded when a disagree-and-commit workshop closes, or when its
                    facilitator chooses “Record decision”.
                  </p>
                  <Link className="button button--primary" href="/?template=disagree-and-commit">
                    Run a decision workshop
                  </Link>
                </>
              )}
            </div>
          )}
          {records.length > 0 && (
            <ol className={`log-list${loading ? ' log-list--stale' : ''}`} data-testid="log-list">
              {records.map((record) => (
                <LogEntry key={record.id} record={record} templates={templates} />
              ))}
            </ol>
          )}
        </section>
      </main>
    </div>
  )
}

function LogEntry({
  record,
  templates,
}: {
  record: DecisionRecord
  templates: ReadonlyMap<string, string>
}) {
  const superseded = record.status === 'superseded'
  return (
    <li
      className={`log-item${superseded ? ' log-item--superseded' : ''}`}
      data-testid="log-item"
      data-id={record.id}
    >
      <div className="log-item__head">
        <span className="log-item__id">{record.id}</span>
        <Link
          className="log-item__title"
          href={decisionPath(record.id)}
          data-testid="log-item-link"
        >
          {record.title}
        </Link>
        <StatusBadge status={record.status} />
      </div>
      <p className="log-item__meta">
        <time dateTime={record.date}>{formatDay(record.date)}</time>
        <span>
          {record.source.workshopTitle || 'Untitled workshop'}
          {templates.has(record.source.template) &&
            ` (${templates.get(record.source.template) ?? ''})`}
        </span>
        {record.decisionMakers.length > 0 && (
          <span>Decided by {record.decisionMakers.join(', ')}</span>
        )}
      </p>
      {record.decision && <p className="log-item__summary">{record.decision}</p>}
      {(record.supersededBy || record.supersedes) && (
        <p className="log-item__links">
          {record.supersededBy && (
            <span data-testid="log-item-superseded-by">
              Superseded by{' '}
              <Link href={decisionPath(record.supersededBy)}>{record.supersededBy}</Link>
            </span>
          )}
          {record.supersedes && (
            <span>
              Supersedes <Link href={decisionPath(record.supersedes)}>{record.supersedes}</Link>
            </span>
          )}
        </p>
      )}
    </li>
  )
}

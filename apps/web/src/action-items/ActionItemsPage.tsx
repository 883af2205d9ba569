import { type FormEvent, useEffect, useState } from 'react'
import {
  type ActionItemRecord,
  type ActionItemUpdate,
  fetchActionItems,
  updateActionItem,
} from '../api/records'
import { Link } from '../app/Link'
import { useKeyedLoad } from '../app/use-keyed-load'
import { onNavigation, replaceAddress } from '../app/navigation'
import { actionItemsPath, boardFocusPath, boardPath, matchRoute } from '../app/routes'
import { formatDay, formatInstant, RecordsHeader } from '../decisions/RecordsHeader'
import { credentialFor } from '../decisions/room-credential'
import {
  type ActionFilters,
  actionFiltersFromSearch,
  actionStatusLabels,
  actionTabs,
  apiStatusFor,
  describeChange,
  groupByOwner,
  isOverdue,
  localToday,
  ownersOf,
  searchForActionFilters,
  statusMoves,
  visibleItems,
} from './action-view'

/**
 * `/actions`: the action items every workshop left, to follow up — open, overdue, done or all,
 * grouped by owner. Where this browser holds a credential of an item's workshop, it can be marked
 * done, reopened or dropped, and its owner or due date changed; each change is kept in its history.
 */
export function ActionItemsPage() {
  const [filters, setFilters] = useState<ActionFilters>(() =>
    actionFiltersFromSearch(window.location.search),
  )
  // Items changed here stay in view (with their new state) until the tab changes.
  const [keep, setKeep] = useState<ReadonlySet<string>>(new Set())
  const status = apiStatusFor(filters.tab)
  const { loaded, loading, retry, update } = useKeyedLoad(status ?? 'all', () =>
    fetchActionItems(status ? { status } : {}),
  )
  const today = localToday()

  useEffect(() => {
    document.title = 'Action items · Accord'
  }, [])

  useEffect(() => replaceAddress(actionItemsPath + searchForActionFilters(filters)), [filters])

  useEffect(
    () =>
      onNavigation(() => {
        if (matchRoute(window.location.pathname).name !== 'actions') return
        setKeep(new Set())
        setFilters(actionFiltersFromSearch(window.location.search))
      }),
    [],
  )

  const all = loaded?.ok ? loaded.value : []
  const shown = visibleItems(all, filters, today, keep)
  const groups = groupByOwner(shown)
  const owners = ownersOf(all)
  // The owner in the address, spelt as the items spell it.
  const selectedOwner =
    owners.find((owner) => owner.toLowerCase() === filters.owner.toLowerCase()) ?? filters.owner

  /** An item changed on the server: show its new state where it is (until the next load). */
  const replace = (item: ActionItemRecord) => {
    setKeep((ids) => new Set([...ids, item.id]))
    update((items) => items.map((old) => (old.id === item.id ? item : old)))
  }
  const show = (next: ActionFilters) => {
    setKeep(new Set())
    setFilters(next)
  }

  return (
    <div className="log-page">
      <RecordsHeader current="actions" />
      <main className="log-main" aria-labelledby="actions-heading">
        <div className="log-intro">
          <h1 id="actions-heading">Action items</h1>
          <p>
            What workshops agreed to do, and who owns it. Open the board an item was written on, or
            mark it done when it is.
          </p>
        </div>

        <div className="actions-page-filters">
          <div className="actions-page-tabs" role="group" aria-label="Show">
            {actionTabs.map((tab) => (
              <button
                key={tab.id}
                type="button"
                className="actions-page-tab"
                aria-pressed={filters.tab === tab.id}
                data-testid={`actions-tab-${tab.id}`}
                onClick={() => show({ ...filters, tab: tab.id })}
              >
                {tab.label}
              </button>
            ))}
          </div>
          <label className="log-field">
            Owner
            <select
              data-testid="actions-owner"
              value={selectedOwner}
              onChange={(event) => show({ ...filters, owner: event.target.value })}
            >
              <option value="">Everyone</option>
              {owners.map((owner) => (
                <option key={owner} value={owner}>
                  {owner}
                </option>
              ))}
              {selectedOwner && !owners.includes(selectedOwner) && (
                <option value={selectedOwner}>{selectedOwner}</option>
              )}
            </select>
          </label>
        </div>

        <section aria-busy={loading} aria-labelledby="actions-results-heading">
          <h2 id="actions-results-heading" className="visually-hidden">
            {actionTabs.find((tab) => tab.id === filters.tab)?.label} action items
          </h2>
          <p className="log-count" role="status" data-testid="actions-count">
            {loading
              ? 'Loading…'
              : loaded?.ok
                ? `${shown.length} ${shown.length === 1 ? 'item' : 'items'}`
                : ''}
          </p>
          {loaded && !loaded.ok && (
            <div className="log-problem" role="alert">
              <p>The action items could not be loaded: {loaded.message}</p>
              <button className="button" type="button" onClick={retry}>
                Try again
              </button>
            </div>
          )}
          {!loading && loaded?.ok && shown.length === 0 && (
            <div className="log-empty" data-testid="actions-empty">
              <p>
                {filters.tab === 'overdue'
                  ? 'Nothing is overdue.'
                  : all.length === 0 && filters.tab === 'all'
                    ? 'No action items yet. They are saved when a workshop closes: a note on the board with an owner becomes one.'
                    : 'No action items here.'}
              </p>
            </div>
          )}
          {groups.map((group) => (
            <section
              key={group.owner.toLowerCase()}
              className="actions-page-group"
              aria-labelledby={`owner-${group.owner}`}
              data-testid="actions-group"
            >
              <h3 id={`owner-${group.owner}`}>
                {group.owner}{' '}
                <span className="log-muted">
                  ({group.items.length} {group.items.length === 1 ? 'item' : 'items'})
                </span>
              </h3>
              <ul className="actions-page-list">
                {group.items.map((item) => (
                  <ActionRow key={item.id} item={item} today={today} onChanged={replace} />
                ))}
              </ul>
            </section>
          ))}
        </section>
      </main>
    </div>
  )
}

function ActionRow({
  item,
  today,
  onChanged,
}: {
  item: ActionItemRecord
  today: string
  onChanged: (item: ActionItemRecord) => void
}) {
  const [member] = useState(() => credentialFor(localStorage, item.source.roomId, 'board.edit'))
  const [editing, setEditing] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const overdue = isOverdue(item, today)
  const shape = item.source.shapeIds[0]
  const boardLink = shape
    ? boardFocusPath(item.source.roomId, shape)
    : boardPath(item.source.roomId)

  async function update(change: ActionItemUpdate): Promise<boolean> {
    if (!member) return false
    setBusy(true)
    setError(null)
    const result = await updateActionItem(item.id, member.token, change)
    setBusy(false)
    if (!result.ok) {
      setError(result.message)
      return false
    }
    onChanged(result.value)
    return true
  }

  return (
    <li
      className={`actions-page-item actions-page-item--${item.status}${overdue ? ' actions-page-item--overdue' : ''}`}
      data-testid="actions-item"
      data-id={item.id}
      data-status={item.status}
    >
      <div className="actions-page-item__main">
        <p className="actions-page-item__text" data-testid="actions-item-text">
          {item.text}
        </p>
        <p className="actions-page-item__meta">
          <span
            className={`actions-page-status actions-page-status--${item.status}`}
            data-testid="actions-item-status"
          >
            {actionStatusLabels[item.status]}
          </span>
          <span>Owner: {item.ownerName}</span>
          {item.due ? (
            <span
              className={overdue ? 'actions-page-due--overdue' : undefined}
              data-testid="actions-item-due"
            >
              Due <time dateTime={item.due}>{formatDay(item.due)}</time>
              {overdue && <strong> · overdue</strong>}
            </span>
          ) : (
            <span className="log-muted">No due date</span>
          )}
          <span>
            From{' '}
            <Link href={boardLink} data-testid="actions-item-board">
              {item.source.workshopTitle || 'a workshop'}
            </Link>
          </span>
          <span className="log-muted">{item.id}</span>
        </p>
        {item.history.length > 0 && (
          <details className="actions-page-history">
            <summary>History ({item.history.length})</summary>
            <ol>
              {item.history.map((change, index) => (
                <li key={index}>
                  {describeChange(change)}{' '}
                  <span className="log-muted">
                    — {change.by ?? 'Accord'}, {formatInstant(change.at)}
                  </span>
                </li>
              ))}
            </ol>
          </details>
        )}
        {editing && member && (
          <EditForm
            item={item}
            busy={busy}
            onCancel={() => setEditing(false)}
            onSave={async (change) => {
              if (await update(change)) setEditing(false)
            }}
          />
        )}
        {error && (
          <p className="form-error" role="alert" data-testid="actions-item-error">
            {error}
          </p>
        )}
      </div>
      {member && (
        <div className="actions-page-item__controls">
          {statusMoves(item.status).map((move) => (
            <button
              key={move.to}
              type="button"
              className="button"
              disabled={busy}
              data-testid={`actions-item-${move.to === 'open' ? 'reopen' : move.to}`}
              aria-label={`${move.label}: ${item.text}`}
              onClick={() => void update({ status: move.to })}
            >
              {move.label}
            </button>
          ))}
          {!editing && (
            <button
              type="button"
              className="button button--quiet"
              data-testid="actions-item-edit"
              aria-label={`Change owner or due date: ${item.text}`}
              onClick={() => setEditing(true)}
            >
              Edit
            </button>
          )}
        </div>
      )}
    </li>
  )
}

function EditForm(props: {
  item: ActionItemRecord
  busy: boolean
  onCancel: () => void
  onSave: (change: ActionItemUpdate) => Promise<void>
}) {
  const { item } = props
  const [owner, setOwner] = useState(item.ownerName)
  const [due, setDue] = useState(item.due ?? '')
  const [problem, setProblem] = useState<string | null>(null)

  function submit(event: FormEvent) {
    event.preventDefault()
    const ownerName = owner.trim()
    if (ownerName === '') return setProblem('An action item needs an owner.')
    const change: { ownerName?: string; due?: string | null } = {}
    if (ownerName !== item.ownerName) change.ownerName = ownerName
    if ((due || null) !== item.due) change.due = due || null
    if (Object.keys(change).length === 0) return props.onCancel()
    void props.onSave(change)
  }

  return (
    <form className="actions-page-edit" data-testid="actions-item-form" onSubmit={submit}>
      <label className="log-field">
        Owner
        <input
          data-testid="actions-item-owner"
          maxLength={80}
          value={owner}
          onChange={(event) => {
            setOwner(event.target.value)
            setProblem(null)
          }}
        />
      </label>
      <label className="log-field">
        Due
        <input
          type="date"
          data-testid="actions-item-due-input"
          value={due}
          onChange={(event) => setDue(event.target.value)}
        />
      </label>
      <div className="log-controls__row">
        <button type="submit" className="button button--primary" disabled={props.busy}>
          Save
        </button>
        <button type="button" className="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
    </form>
  )
}

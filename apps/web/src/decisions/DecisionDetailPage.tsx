import { type ReactNode, useEffect, useMemo, useState } from 'react'
import {
  changeDecisionStatus,
  type DecisionRecord,
  type DecisionStatus,
  decisionExportUrl,
  fetchDecision,
  afterDecision,
  ledgerLine,
  notCommitted,
} from '../api/records'
import { createRoom } from '../api/rooms'
import { Link } from '../app/Link'
import { enterCreatedRoom } from '../board/enter-created-room'
import { navigate } from '../app/navigation'
import { boardPath, decisionBoardPath, decisionLogPath, decisionPath } from '../app/routes'
import { wasAccepted } from './board-at-decision'
import { boardLinkOf, canSupersede, stanceName, statusChanges, statusLabels } from './decision-view'
import { formatDay, formatInstant, RecordsHeader } from './RecordsHeader'
import { credentialFor } from './room-credential'
import { StatusBadge } from './StatusBadge'
import { SupersedeForm } from './SupersedeForm'
import { useTemplateNames } from './use-template-names'

type Loaded =
  | { readonly key: string; readonly ok: true; readonly record: DecisionRecord }
  | { readonly key: string; readonly ok: false; readonly status: number; readonly message: string }

/**
 * `/decisions/DR-12`: one decision record with everything it holds, links to the records it
 * supersedes or that supersede it, its MADR export and the board region it came from. A
 * facilitator of its workshop (holding that credential in this browser) may change its status or
 * supersede it.
 */
export function DecisionDetailPage({ id }: { id: string }) {
  const [attempt, setAttempt] = useState(0)
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const key = `${id}#${attempt}`

  useEffect(() => {
    let live = true
    void fetchDecision(id).then((result) => {
      if (!live) return
      setLoaded(
        result.ok
          ? { key, ok: true, record: result.value }
          : { key, ok: false, status: result.status, message: result.message },
      )
    })
    return () => {
      live = false
    }
  }, [id, key])

  useEffect(() => {
    const title = loaded?.ok ? `${loaded.record.id}: ${loaded.record.title}` : id
    document.title = `${title} · Decision log · Accord`
  }, [id, loaded])

  return (
    <div className="log-page">
      <RecordsHeader current={null} />
      <main className="log-main log-detail">
        <p className="log-back">
          <Link href={decisionLogPath}>← Decision log</Link>
        </p>
        {!loaded || loaded.key !== key ? (
          <p role="status" aria-busy="true">
            Loading {id}…
          </p>
        ) : !loaded.ok ? (
          <div className="log-problem" role="alert" data-testid="decision-missing">
            <h1>{loaded.status === 404 ? `No decision ${id}` : `${id} could not be loaded`}</h1>
            <p>{loaded.message}</p>
            {loaded.status !== 404 && (
              <button className="button" type="button" onClick={() => setAttempt((n) => n + 1)}>
                Try again
              </button>
            )}
          </div>
        ) : (
          <DecisionView
            record={loaded.record}
            onChanged={(record) => setLoaded({ key, ok: true, record })}
          />
        )}
      </main>
    </div>
  )
}

function DecisionView({
  record,
  onChanged,
}: {
  record: DecisionRecord
  onChanged: (record: DecisionRecord) => void
}) {
  const templates = useTemplateNames()
  const roomId = record.source.roomId
  const facilitator = useMemo(
    () => credentialFor(localStorage, roomId, 'room.facilitate'),
    [roomId],
  )
  const [superseding, setSuperseding] = useState(false)
  const template = templates.get(record.source.template) ?? record.source.template

  return (
    <article className="log-record" data-testid="decision-detail" data-id={record.id}>
      <header className="log-record__head">
        <p className="log-record__kicker">
          <span data-testid="decision-id">{record.id}</span>
          <StatusBadge status={record.status} />
        </p>
        <h1 data-testid="decision-title">{record.title}</h1>
        <p className="log-record__meta">
          Decided <time dateTime={record.date}>{formatDay(record.date)}</time> in{' '}
          <Link href={boardPath(roomId)}>{record.source.workshopTitle || 'a workshop'}</Link>
          {template && ` (${template})`}
        </p>
        {record.supersededBy && (
          <p className="log-record__notice log-record__notice--superseded" role="note">
            This decision is superseded by{' '}
            <Link href={decisionPath(record.supersededBy)} data-testid="decision-superseded-by">
              {record.supersededBy}
            </Link>
            .
          </p>
        )}
        {record.supersedes && (
          <p className="log-record__notice" role="note">
            Supersedes{' '}
            <Link href={decisionPath(record.supersedes)} data-testid="decision-supersedes">
              {record.supersedes}
            </Link>
            .
          </p>
        )}
        <div className="log-record__actions">
          <Link
            className="button button--primary"
            href={boardLinkOf(record)}
            data-testid="decision-open-board"
          >
            Open on the board
          </Link>
          {wasAccepted(record) && (
            <Link
              className="button"
              href={decisionBoardPath(record.id)}
              data-testid="decision-open-snapshot"
            >
              See the board as it was
            </Link>
          )}
          <a
            className="button"
            href={decisionExportUrl(record.id, 'md')}
            download
            data-testid="decision-download-md"
          >
            Download MADR (.md)
          </a>
          <a className="button button--quiet" href={decisionExportUrl(record.id, 'json')} download>
            JSON
          </a>
        </div>
      </header>

      <div className="log-record__layout">
        <div className="log-record__body">
          <Section title="Context" testId="decision-context">
            <Text value={record.context} />
          </Section>
          <Section title="Decision drivers">
            <List items={record.drivers} />
          </Section>
          <Section title="Options considered">
            {record.options.length === 0 ? (
              <Missing />
            ) : (
              <ul className="log-options">
                {record.options.map((option) => {
                  const chosen = option.title === record.chosenOption
                  return (
                    <li
                      key={option.title}
                      className={`log-option${chosen ? ' log-option--chosen' : ''}`}
                      data-testid="decision-option"
                    >
                      <h3>
                        {option.title}
                        {chosen && <span className="log-option__chosen">Chosen</span>}
                      </h3>
                      <dl>
                        <dt>Pros</dt>
                        <dd>{option.pros || '—'}</dd>
                        <dt>Cons</dt>
                        <dd>{option.cons || '—'}</dd>
                      </dl>
                    </li>
                  )
                })}
              </ul>
            )}
          </Section>
          <Section title="Decision" testId="decision-decision">
            <Text value={record.decision} />
            {record.chosenOption && (
              <p className="log-record__chosen">Chosen option: {record.chosenOption}</p>
            )}
          </Section>
          <Section title="Rationale" testId="decision-rationale">
            <Text value={record.rationale} />
          </Section>
          <Section title="Consequences">
            <Text value={record.consequences} />
          </Section>
          {record.acknowledgment.trim() !== '' && (
            <Section title="Accepted over a block" testId="decision-acknowledgment">
              <Text value={record.acknowledgment} />
            </Section>
          )}
          <Section title="Dissent" testId="decision-dissent">
            {record.dissent.length === 0 ? (
              <p className="log-muted">Nobody recorded dissent.</p>
            ) : (
              <ul className="log-dissent">
                {record.dissent.map((stance, index) => (
                  <li key={index} data-testid="decision-dissent-item">
                    <blockquote>{stance.reason || '(no reason given)'}</blockquote>
                    <p>
                      — {stanceName(stance)} · {stance.stance}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </Section>
          <Section title="Stances">
            {record.stances.length === 0 ? (
              <Missing />
            ) : (
              <table className="log-table">
                <thead>
                  <tr>
                    <th scope="col">Who</th>
                    <th scope="col">Stance</th>
                    <th scope="col">Reason</th>
                  </tr>
                </thead>
                <tbody>
                  {record.stances.map((stance, index) => (
                    <tr key={index}>
                      <td>{stanceName(stance)}</td>
                      <td>{stance.stance}</td>
                      <td>{stance.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Section>
          <Section title="Commitments">
            {record.commitments.length === 0 ? (
              <p className="log-muted">Nobody committed yet.</p>
            ) : (
              <ul className="log-plain-list">
                {record.commitments.map((commitment) => (
                  <li key={`${commitment.name}-${commitment.at}`}>
                    ✓ {commitment.name}{' '}
                    <time className="log-muted" dateTime={commitment.at}>
                      {formatInstant(commitment.at)}
                    </time>
                    {afterDecision(record, commitment) && (
                      <span className="log-muted" data-testid="commitment-after-decision">
                        {' '}
                        · {afterDecision(record, commitment)}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {notCommitted(record).length > 0 && (
              <p className="log-muted" data-testid="decision-not-committed">
                Not committed yet: {notCommitted(record).join(', ')}
              </p>
            )}
          </Section>
        </div>

        <aside className="log-record__side">
          <dl className="log-people">
            <dt>Decision-makers</dt>
            <dd data-testid="decision-makers">{names(record.decisionMakers)}</dd>
            <dt>Consulted</dt>
            <dd>{names(record.consulted)}</dd>
            <dt>Informed</dt>
            <dd>{names(record.informed)}</dd>
            <dt>Participants</dt>
            <dd>{names(record.participants)}</dd>
            <dt>Tags</dt>
            <dd>
              {record.tags.length === 0 ? (
                <span className="log-muted">None</span>
              ) : (
                <ul className="log-tags">
                  {record.tags.map((tag) => (
                    <li key={tag}>
                      <Link href={`${decisionLogPath}?tag=${encodeURIComponent(tag)}`}>{tag}</Link>
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </dl>

          {record.ledger.length > 0 && (
            <section className="log-history" aria-labelledby="ledger-heading">
              <h2 id="ledger-heading">Ledger</h2>
              {/* [rec:LG1] How it was reached, and what came after, as it happened. */}
              <ol data-testid="decision-ledger">
                {record.ledger.map((event, index) => (
                  <li key={index} data-kind={event.kind} data-testid="decision-ledger-event">
                    {ledgerLine(event)}{' '}
                    <span className="log-muted">· {formatInstant(event.at)}</span>
                  </li>
                ))}
              </ol>
            </section>
          )}

          <section className="log-history" aria-labelledby="history-heading">
            <h2 id="history-heading">Status history</h2>
            <ol data-testid="decision-history">
              {record.history.map((event, index) => (
                <li key={index}>
                  <strong>{statusLabels[event.status]}</strong>{' '}
                  <span className="log-muted">
                    by {event.by ?? 'Accord'} · {formatInstant(event.at)}
                  </span>
                  {event.note && <p>{event.note}</p>}
                </li>
              ))}
            </ol>
          </section>

          {facilitator ? (
            <FacilitatorControls
              record={record}
              token={facilitator.token}
              name={facilitator.name}
              onChanged={onChanged}
              superseding={superseding}
              onSupersede={() => setSuperseding(true)}
            />
          ) : (
            <p className="log-muted log-readonly" data-testid="decision-readonly">
              Read-only. A facilitator of this workshop, in the browser they run it from, can change
              the status or supersede it.
            </p>
          )}
        </aside>
      </div>

      {facilitator && superseding && (
        <SupersedeForm
          record={record}
          token={facilitator.token}
          onCancel={() => setSuperseding(false)}
          onSuperseded={(successor) => navigate(decisionPath(successor.id))}
        />
      )}
    </article>
  )
}

function FacilitatorControls(props: {
  record: DecisionRecord
  token: string
  /** The facilitator's name, to join the revisiting workshop under. */
  name: string
  onChanged: (record: DecisionRecord) => void
  superseding: boolean
  onSupersede: () => void
}) {
  const { record } = props
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const changes = statusChanges(record)

  async function change(to: DecisionStatus) {
    setBusy(true)
    setError(null)
    const result = await changeDecisionStatus(record.id, props.token, to, note.trim())
    setBusy(false)
    if (!result.ok) return setError(result.message)
    setNote('')
    props.onChanged(result.value)
  }

  // [rec:DR10] A new disagree-and-commit revisiting this record, opened as its facilitator.
  async function revisit() {
    setBusy(true)
    setError(null)
    const created = await createRoom('', {
      template: 'disagree-and-commit',
      revisit: { decisionId: record.id, token: props.token },
    })
    if (!created.ok) {
      setBusy(false)
      return setError(created.message)
    }
    navigate(boardPath(await enterCreatedRoom(created.value, props.name)))
  }

  if (changes.length === 0 && !canSupersede(record)) return null
  return (
    <section
      className="log-controls"
      aria-labelledby="controls-heading"
      data-testid="decision-controls"
    >
      <h2 id="controls-heading">As facilitator</h2>
      {changes.length > 0 && (
        <>
          <label className="log-field">
            Note for the history (optional)
            <input
              data-testid="decision-status-note"
              maxLength={500}
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
          </label>
          <div className="log-controls__row">
            {changes.map((option) => (
              <button
                key={option.to}
                type="button"
                className="button"
                disabled={busy}
                data-testid={`decision-status-${option.to}`}
                onClick={() => void change(option.to)}
              >
                {option.label}
              </button>
            ))}
          </div>
        </>
      )}
      {canSupersede(record) && (
        <>
          <p className="form-hint">
            {record.status === 'accepted'
              ? 'An accepted decision is never edited: supersede it with a new record instead.'
              : 'Supersede this rejected decision with a new record.'}
          </p>
          <button
            type="button"
            className="button"
            data-testid="decision-supersede"
            aria-expanded={props.superseding}
            onClick={props.onSupersede}
          >
            Supersede…
          </button>
          <p className="form-hint">
            Or revisit it with the people who decide: a new disagree-and-commit starting from its
            words. It stays current until that workshop accepts a new decision.
          </p>
          <button
            type="button"
            className="button"
            data-testid="decision-revisit"
            disabled={busy}
            onClick={() => void revisit()}
          >
            Revisit in a workshop
          </button>
        </>
      )}
      {error && (
        <p className="form-error" role="alert" data-testid="decision-error">
          {error}
        </p>
      )}
    </section>
  )
}

function Section(props: { title: string; testId?: string; children: ReactNode }) {
  return (
    <section className="log-section" data-testid={props.testId}>
      <h2>{props.title}</h2>
      {props.children}
    </section>
  )
}

function Missing() {
  return <p className="log-muted">Not recorded.</p>
}

function Text({ value }: { value: string }) {
  return value.trim() === '' ? <Missing /> : <p className="log-text">{value}</p>
}

function List({ items }: { items: readonly string[] }) {
  if (items.length === 0) return <Missing />
  return (
    <ul className="log-plain-list">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  )
}

function names(list: readonly string[]): ReactNode {
  return list.length === 0 ? <span className="log-muted">Nobody</span> : list.join(', ')
}

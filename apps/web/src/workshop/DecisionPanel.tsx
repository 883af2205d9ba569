import { currentPhase } from '@accord/facilitation'
import { type DecisionResult, type Proposal, type Scale, stanceLabel } from '@accord/templates'
import { type FormEvent, useId, useState } from 'react'
import type { RoomMember } from '../api/workshop'
import type { RoomCommand } from '../facilitation/use-room-command'
import { useScrollToActive } from './use-scroll-to-active'
import { useOwnSubmission } from './use-own-submission'
import {
  activeSection,
  decisionCommand,
  decisionDraft,
  type DecisionDraft,
  decisionView,
  distributionBars,
  emptyOption,
  type FormOutcome,
  givenStances,
  MAX_OPTIONS,
  namesList,
  proposalCommand,
  proposalDraft,
  type ProposalDraft,
  readOwnStance,
  reasonRequired,
  scaleOf,
  stanceAuthor,
  stanceChoices,
  stanceCommand,
  type StanceValue,
} from './decision-view'
import type { TemplatePanelProps } from './panel-props'

type Send = (command: RoomCommand) => Promise<boolean>

/**
 * Disagree and commit: the proposal and who decides, hidden stances (only one's own is ever
 * shown before the reveal), the revealed distribution and the dissent in the dissenters' words,
 * the decider's decision, and who has committed.
 */
export function DecisionPanel(props: TemplatePanelProps) {
  const { state, self, facilitates, send } = props
  const result = props.result as DecisionResult
  const data = state.workshop?.data ?? {}
  const scale = scaleOf(state.workshop?.options)
  const phaseId = currentPhase(state.plan).id
  const given = givenStances(data)
  const view = decisionView({ phaseId, self, facilitates, result, given })
  const own = useOwnSubmission(props.roomId, props.token, 'stance', view.showStances)
  const ownStance = readOwnStance(own.value)
  const [editing, setEditing] = useState(false)
  const proposal = result.proposal
  const people = result.participants
  const active = activeSection(phaseId)
  const panel = useScrollToActive<HTMLDivElement>(phaseId)

  return (
    <div className="decision" data-testid="decision-panel" ref={panel}>
      <section
        className="decision-section"
        aria-label="Proposal"
        data-active={active === 'proposal'}
        data-testid="decision-proposal"
      >
        <h3>Proposal</h3>
        {view.editProposal && (editing || proposal === null) ? (
          <ProposalForm
            proposal={proposal}
            members={props.members}
            send={send}
            onDone={() => setEditing(false)}
            onCancel={proposal ? () => setEditing(false) : null}
          />
        ) : proposal ? (
          <ProposalView proposal={proposal} compact={view.compactProposal} />
        ) : (
          <p className="form-hint" data-testid="decision-no-proposal">
            The facilitator records the proposal.
          </p>
        )}
        {view.editProposal && proposal && !editing && (
          <button
            type="button"
            className="button button--quiet"
            data-testid="proposal-edit"
            onClick={() => setEditing(true)}
          >
            Edit the proposal
          </button>
        )}
        {view.proposalLocked && (
          <p className="form-hint" data-testid="proposal-locked">
            The stances are revealed: the proposal is locked.
          </p>
        )}
      </section>

      {view.showStances && (
        <section
          className="decision-section"
          aria-label="Stances"
          data-active={active === 'stances'}
          data-testid="decision-stances"
        >
          <h3>Stances</h3>
          {!view.revealed && (
            <p data-testid="stances-given">
              {given.length} of {people.length} {people.length === 1 ? 'has' : 'have'} given a
              stance{given.length > 0 ? `: ${namesList(given.map((g) => g.name))}` : ''}.
            </p>
          )}
          {ownStance && !view.revealed && (
            <p className="decision-mine" data-testid="stance-mine">
              Your stance: <strong>{stanceLabel(ownStance.value)}</strong>
              {ownStance.reason && <> — “{ownStance.reason}”</>}
              <span className="form-hint"> (only you see it until the reveal)</span>
            </p>
          )}
          {view.giveStance && (
            <StanceForm
              scale={scale}
              own={ownStance}
              hasGiven={view.hasGiven}
              send={send}
              onGiven={own.reload}
            />
          )}
          {view.revealStances && (
            <button
              type="button"
              className="button button--primary"
              data-testid="stances-reveal"
              disabled={given.length === 0}
              onClick={() => void send({ type: 'stances.reveal' })}
            >
              Reveal stances
            </button>
          )}
          {view.revealed && <RevealedStances result={result} scale={scale} />}
        </section>
      )}

      {view.showDecision && (
        <section
          className="decision-section"
          aria-label="Decision"
          data-active={active === 'decision'}
          data-testid="decision-decision"
        >
          <h3>Decision</h3>
          {result.decision ? (
            <RecordedDecision decision={result.decision} />
          ) : (
            <p className="form-hint" data-testid="decision-waiting">
              {view.isDecider
                ? view.revealed
                  ? 'You decide: record the outcome and the rationale.'
                  : 'You decide, once the stances are revealed.'
                : `Waiting for ${proposal?.deciderName ?? 'the decider'} to decide.`}
            </p>
          )}
          {view.recordDecision && proposal && (
            <DecisionForm
              key={result.decision?.at ?? 'new'}
              proposal={proposal}
              decision={result.decision}
              send={send}
            />
          )}
        </section>
      )}

      {view.showCommitments && (
        <section
          className="decision-section"
          aria-label="Commitments"
          data-active={active === 'commitments'}
          data-testid="decision-commitments"
        >
          <h3>Commitments</h3>
          {view.commit && (
            <button
              type="button"
              className="button button--primary decision-commit"
              data-testid="decision-commit"
              onClick={() => void send({ type: 'commit' })}
            >
              I commit
            </button>
          )}
          {view.hasCommitted && (
            <p className="decision-committed-self" data-testid="decision-committed-self">
              ✓ You have committed to the decision.
            </p>
          )}
          <p data-testid="commitments-count">
            {result.commitments.length} of {people.length} committed
          </p>
          {result.commitments.length > 0 && (
            <ul className="decision-people" data-testid="commitments-list">
              {result.commitments.map((c) => (
                <li key={c.memberId} data-testid="commitment">
                  ✓ {c.name}
                </li>
              ))}
            </ul>
          )}
          {result.notCommitted.length > 0 && (
            <>
              <p className="form-hint">Not yet committed:</p>
              <ul className="decision-people decision-people--waiting" data-testid="not-committed">
                {result.notCommitted.map((p) => (
                  <li key={p.id} data-testid="not-committed-person">
                    {p.name}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </div>
  )
}

function ProposalView({ proposal, compact }: { proposal: Proposal; compact: boolean }) {
  const options = (
    <ul className="decision-options" data-testid="proposal-options">
      {proposal.options.map((option) => (
        <li key={option.title} data-testid="proposal-option">
          <strong>{option.title}</strong>
          {option.pros && <span className="decision-pro">+ {option.pros}</span>}
          {option.cons && <span className="decision-con">− {option.cons}</span>}
        </li>
      ))}
    </ul>
  )
  return (
    <div className="decision-proposal">
      <p className="decision-proposal__title" data-testid="proposal-title">
        <strong>{proposal.title}</strong>
      </p>
      {proposal.context && (
        <p className="decision-text" data-testid="proposal-context">
          {proposal.context}
        </p>
      )}
      {proposal.options.length > 0 &&
        (compact ? (
          <details className="decision-details">
            <summary>Options considered ({proposal.options.length})</summary>
            {options}
          </details>
        ) : (
          <>
            <h4>Options considered</h4>
            {options}
          </>
        ))}
      <p data-testid="proposal-decider">
        Decides: <strong>{proposal.deciderName}</strong>
      </p>
    </div>
  )
}

function FormError({ error }: { error: string | null }) {
  return error ? (
    <p className="decision-error" role="alert" data-testid="decision-form-error">
      {error}
    </p>
  ) : null
}

/** Sends a form's command, or says what to fix; resolves true when it was sent and accepted. */
async function submitForm(
  outcome: FormOutcome,
  send: Send,
  setError: (error: string | null) => void,
): Promise<boolean> {
  if (!outcome.ok) {
    setError(outcome.error)
    return false
  }
  setError(null)
  return send(outcome.command)
}

function ProposalForm(props: {
  proposal: Proposal | null
  members: readonly RoomMember[]
  send: Send
  onDone: () => void
  onCancel: (() => void) | null
}) {
  const [draft, setDraft] = useState<ProposalDraft>(() => proposalDraft(props.proposal))
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const id = useId()
  const deciders = props.members.filter((m) => m.role !== 'viewer')
  const known = deciders.some((m) => m.id === draft.deciderId)
  const change = (patch: Partial<ProposalDraft>) => setDraft((d) => ({ ...d, ...patch }))
  const changeOption = (index: number, patch: Partial<ProposalDraft['options'][number]>) =>
    setDraft((d) => ({
      ...d,
      options: d.options.map((o, i) => (i === index ? { ...o, ...patch } : o)),
    }))

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    const sent = await submitForm(proposalCommand(draft), props.send, setError)
    setBusy(false)
    if (sent) props.onDone()
  }

  return (
    <form
      className="decision-form"
      aria-label="The proposal"
      data-testid="proposal-form"
      onSubmit={(event) => void submit(event)}
    >
      <label className="field" htmlFor={`${id}-title`}>
        Title
      </label>
      <input
        id={`${id}-title`}
        data-testid="proposal-title-input"
        value={draft.title}
        maxLength={200}
        aria-required="true"
        onChange={(event) => change({ title: event.target.value })}
      />
      <label className="field" htmlFor={`${id}-context`}>
        Context
      </label>
      <textarea
        id={`${id}-context`}
        data-testid="proposal-context-input"
        value={draft.context}
        maxLength={4000}
        rows={3}
        onChange={(event) => change({ context: event.target.value })}
      />
      <fieldset className="decision-fieldset">
        <legend>Options considered</legend>
        {draft.options.map((option, index) => (
          <div className="decision-option-row" key={index} data-testid="proposal-option-row">
            <input
              aria-label={`Option ${index + 1}`}
              placeholder="Option"
              data-testid="proposal-option-title"
              value={option.title}
              maxLength={200}
              onChange={(event) => changeOption(index, { title: event.target.value })}
            />
            <textarea
              aria-label={`Option ${index + 1}: pros`}
              placeholder="Pros"
              data-testid="proposal-option-pros"
              value={option.pros}
              maxLength={1000}
              rows={1}
              onChange={(event) => changeOption(index, { pros: event.target.value })}
            />
            <textarea
              aria-label={`Option ${index + 1}: cons`}
              placeholder="Cons"
              data-testid="proposal-option-cons"
              value={option.cons}
              maxLength={1000}
              rows={1}
              onChange={(event) => changeOption(index, { cons: event.target.value })}
            />
            <button
              type="button"
              className="button button--quiet"
              aria-label={`Remove option ${index + 1}`}
              data-testid="proposal-option-remove"
              onClick={() =>
                setDraft((d) => ({ ...d, options: d.options.filter((_, i) => i !== index) }))
              }
            >
              ✕
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button--quiet"
          data-testid="proposal-option-add"
          disabled={draft.options.length >= MAX_OPTIONS}
          onClick={() => setDraft((d) => ({ ...d, options: [...d.options, emptyOption] }))}
        >
          + Add an option
        </button>
      </fieldset>
      <label className="field" htmlFor={`${id}-decider`}>
        Who decides
      </label>
      <select
        id={`${id}-decider`}
        data-testid="proposal-decider"
        value={draft.deciderId}
        aria-required="true"
        onChange={(event) => change({ deciderId: event.target.value })}
      >
        <option value="" disabled>
          Choose a person…
        </option>
        {!known && draft.deciderId !== '' && props.proposal && (
          <option value={draft.deciderId}>{props.proposal.deciderName}</option>
        )}
        {deciders.map((member) => (
          <option key={member.id} value={member.id}>
            {member.name}
          </option>
        ))}
      </select>
      <FormError error={error} />
      <div className="decision-form__actions">
        {props.onCancel && (
          <button type="button" className="button button--quiet" onClick={props.onCancel}>
            Cancel
          </button>
        )}
        <button
          type="submit"
          className="button button--primary"
          data-testid="proposal-save"
          disabled={busy}
        >
          Save the proposal
        </button>
      </div>
    </form>
  )
}

function StanceForm(props: {
  scale: Scale
  own: { value: StanceValue; reason: string } | null
  hasGiven: boolean
  send: Send
  onGiven: () => void
}) {
  // Unchanged fields show the stance already given.
  const [picked, setPicked] = useState<StanceValue | null>(null)
  const [reasonDraft, setReasonDraft] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const id = useId()
  const value = picked ?? props.own?.value ?? null
  const reason = reasonDraft ?? props.own?.reason ?? ''
  const required = reasonRequired(value)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    const sent = await submitForm(stanceCommand(value, reason), props.send, setError)
    setBusy(false)
    if (sent) {
      setPicked(null)
      setReasonDraft(null)
      props.onGiven()
    }
  }

  return (
    <form
      className="decision-form"
      aria-label="My stance"
      data-testid="stance-form"
      onSubmit={(event) => void submit(event)}
    >
      <fieldset className="decision-fieldset decision-scale">
        <legend>My stance (hidden until the reveal)</legend>
        {stanceChoices(props.scale).map((choice) => (
          <label
            key={String(choice.value)}
            className={`decision-scale__choice${value === choice.value ? ' decision-scale__choice--on' : ''}`}
          >
            <input
              type="radio"
              name={`${id}-stance`}
              data-testid={`stance-option-${choice.value}`}
              checked={value === choice.value}
              onChange={() => setPicked(choice.value)}
            />
            {choice.label}
          </label>
        ))}
      </fieldset>
      <label className="field" htmlFor={`${id}-reason`}>
        {required ? 'Reason (required for a block or a low score)' : 'Reason (optional)'}
      </label>
      <textarea
        id={`${id}-reason`}
        data-testid="stance-reason"
        value={reason}
        maxLength={1000}
        rows={2}
        aria-required={required}
        onChange={(event) => setReasonDraft(event.target.value)}
      />
      <FormError error={error} />
      <div className="decision-form__actions">
        <button
          type="submit"
          className="button button--primary"
          data-testid="stance-give"
          disabled={busy || value === null}
        >
          {props.hasGiven ? 'Change my stance' : 'Give my stance'}
        </button>
      </div>
    </form>
  )
}

function RevealedStances({ result, scale }: { result: DecisionResult; scale: Scale }) {
  const summary = result.summary
  if (!summary) return null
  const bars = distributionBars(scale, summary)
  return (
    <div className="decision-revealed" data-testid="stances-revealed">
      <p data-testid="stances-summary">
        {summary.count} {summary.count === 1 ? 'stance' : 'stances'}
        {summary.average !== null && (
          <>
            {' · '}average <strong data-testid="stances-average">{summary.average}</strong> of 5
          </>
        )}
        {' · '}
        <span data-testid="stances-blocks">
          {summary.blocks} {summary.blocks === 1 ? 'block' : 'blocks'}
        </span>
      </p>
      <ul className="decision-chart" aria-label="How the stances are distributed">
        {bars.map((bar) => (
          <li key={bar.key} className="decision-chart__row" data-testid={`stance-bar-${bar.key}`}>
            <span className="decision-chart__label">{bar.label}</span>
            <span className="decision-chart__track" aria-hidden="true">
              <span className="decision-chart__bar" style={{ width: `${bar.percent}%` }} />
            </span>
            <span className="decision-chart__count" data-testid="stance-bar-count">
              {bar.count}
            </span>
          </li>
        ))}
      </ul>
      <h4>Dissent</h4>
      {result.dissent.length === 0 ? (
        <p className="form-hint" data-testid="dissent-none">
          Nobody dissents.
        </p>
      ) : (
        <ul className="decision-dissent" data-testid="dissent-list">
          {result.dissent.map((stance, index) => (
            <li key={index} data-testid="dissent">
              <span className="decision-dissent__who">
                <strong>{stanceAuthor(stance)}</strong> · {stanceLabel(stance.value)}
              </span>
              {stance.reason && <q className="decision-dissent__reason">{stance.reason}</q>}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

function RecordedDecision({ decision }: { decision: NonNullable<DecisionResult['decision']> }) {
  return (
    <div className="decision-recorded" data-testid="decision-recorded">
      <p>
        <span
          className={`decision-outcome decision-outcome--${decision.outcome}`}
          data-testid="decision-outcome"
        >
          {decision.outcome === 'accepted' ? 'Accepted' : 'Rejected'}
        </span>
        {decision.option && (
          <>
            {' · '}
            <span data-testid="decision-option">{decision.option}</span>
          </>
        )}
      </p>
      <p className="decision-text" data-testid="decision-text">
        {decision.text}
      </p>
      <p className="decision-text" data-testid="decision-rationale">
        <strong>Rationale:</strong> {decision.rationale}
      </p>
      <p className="form-hint">Decided by {decision.deciderName}</p>
    </div>
  )
}

function DecisionForm(props: {
  proposal: Proposal
  decision: DecisionResult['decision']
  send: Send
}) {
  const [open, setOpen] = useState(props.decision === null)
  const [draft, setDraft] = useState<DecisionDraft>(() => decisionDraft(props.decision))
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const id = useId()
  const change = (patch: Partial<DecisionDraft>) => setDraft((d) => ({ ...d, ...patch }))

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    const sent = await submitForm(decisionCommand(draft), props.send, setError)
    setBusy(false)
    if (sent) setOpen(false)
  }

  if (!open)
    return (
      <button
        type="button"
        className="button button--quiet"
        data-testid="decision-change"
        onClick={() => setOpen(true)}
      >
        Change the decision
      </button>
    )

  return (
    <form
      className="decision-form"
      aria-label="The decision"
      data-testid="decision-form"
      onSubmit={(event) => void submit(event)}
    >
      <fieldset className="decision-fieldset">
        <legend>Outcome</legend>
        {(['accepted', 'rejected'] as const).map((outcome) => (
          <label key={outcome} className="checkbox">
            <input
              type="radio"
              name={`${id}-outcome`}
              data-testid={`decision-outcome-${outcome}`}
              checked={draft.outcome === outcome}
              onChange={() => change({ outcome })}
            />
            {outcome === 'accepted' ? 'Accepted' : 'Rejected'}
          </label>
        ))}
      </fieldset>
      {props.proposal.options.length > 0 && (
        <>
          <label className="field" htmlFor={`${id}-option`}>
            Chosen option
          </label>
          <select
            id={`${id}-option`}
            data-testid="decision-option-input"
            value={draft.option}
            onChange={(event) => change({ option: event.target.value })}
          >
            <option value="">None of them</option>
            {props.proposal.options.map((option) => (
              <option key={option.title} value={option.title}>
                {option.title}
              </option>
            ))}
          </select>
        </>
      )}
      <label className="field" htmlFor={`${id}-text`}>
        Decision
      </label>
      <textarea
        id={`${id}-text`}
        data-testid="decision-text-input"
        value={draft.decision}
        maxLength={4000}
        rows={2}
        aria-required="true"
        onChange={(event) => change({ decision: event.target.value })}
      />
      <label className="field" htmlFor={`${id}-rationale`}>
        Rationale
      </label>
      <textarea
        id={`${id}-rationale`}
        data-testid="decision-rationale-input"
        value={draft.rationale}
        maxLength={4000}
        rows={3}
        aria-required="true"
        onChange={(event) => change({ rationale: event.target.value })}
      />
      <FormError error={error} />
      <div className="decision-form__actions">
        {props.decision && (
          <button type="button" className="button button--quiet" onClick={() => setOpen(false)}>
            Cancel
          </button>
        )}
        <button
          type="submit"
          className="button button--primary"
          data-testid="decision-record"
          disabled={busy}
        >
          Record the decision
        </button>
      </div>
    </form>
  )
}

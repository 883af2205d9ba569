import { currentPhase } from '@accord/facilitation'
import type { PreMortemResult, RegisterEntry } from '@accord/templates'
import { type FormEvent, useId, useState } from 'react'
import type { Editor } from 'tldraw'
import type { RoomMember } from '../api/workshop'
import { showShape } from '../facilitation/show-shape'
import { usePrivateNotes } from '../facilitation/use-private-notes'
import type { RoomCommand } from '../facilitation/use-room-command'
import { useScrollToActive } from './use-scroll-to-active'
import { useOwnSubmission } from './use-own-submission'
import type { TemplatePanelProps } from './panel-props'
import {
  activeSection,
  briefCommand,
  type FormOutcome,
  mergeScores,
  mitigationCommand,
  namesOf,
  preMortemView,
  type Ranking,
  rankingOf,
  readScoreSheet,
  riskScoreText,
  type ScoreDraft,
  scoreCommand,
  scorersOf,
  turnsView,
} from './pre-mortem-view'

type Send = (command: RoomCommand) => Promise<boolean>

/**
 * Pre-mortem: the plan and its owner, the round-robin share (whose turn, the order, one's own
 * notes to share on one's turn), ranking the risks (likelihood × impact scoring, or the dot vote)
 * and the ranked risk register with a mitigation and an owner per risk.
 */
export function PreMortemPanel(props: TemplatePanelProps) {
  const { state, self, facilitates, send, members } = props
  const result = props.result as PreMortemResult
  const data = state.workshop?.data ?? {}
  const ranking = rankingOf(state.workshop?.options)
  const phaseId = currentPhase(state.plan).id
  const scoresClosed = data.scores !== null && typeof data.scores === 'object'
  const view = preMortemView({
    phaseId,
    self,
    facilitates,
    ranking,
    result,
    turns: state.turns,
    scoresClosed,
    anonymous: state.settings.anonymous,
  })
  const [editingBrief, setEditingBrief] = useState(false)
  const plan = result.plan
  const active = activeSection(phaseId)
  const panel = useScrollToActive<HTMLDivElement>(phaseId)

  return (
    <div className="premortem" data-testid="premortem-panel" ref={panel}>
      <section
        className="premortem-section"
        aria-label="The plan"
        data-active={active === 'brief'}
        data-testid="premortem-brief"
      >
        <h3>The plan</h3>
        {view.editBrief && (editingBrief || plan === null) ? (
          <BriefForm
            plan={plan}
            members={members}
            send={send}
            onDone={() => setEditingBrief(false)}
            onCancel={plan ? () => setEditingBrief(false) : null}
          />
        ) : plan ? (
          <>
            <p className="premortem-text" data-testid="premortem-plan">
              {plan.statement}
            </p>
            <p data-testid="premortem-owner">
              Plan owner: <strong>{plan.ownerName}</strong>
            </p>
          </>
        ) : (
          <p className="form-hint">The facilitator records the plan and its owner.</p>
        )}
        {view.editBrief && plan && !editingBrief && (
          <button
            type="button"
            className="button button--quiet"
            data-testid="premortem-brief-edit"
            onClick={() => setEditingBrief(true)}
          >
            Edit the plan
          </button>
        )}
      </section>

      {view.showTurns && (
        <RoundRobin
          {...props}
          startRound={view.startRound}
          skipTurn={view.skipTurn}
          myTurn={view.myTurn}
          revealAllInstead={view.revealAllInstead}
          firstMemberId={plan?.ownerId ?? null}
          active={active === 'turns'}
        />
      )}

      {view.clusterNudge !== null && (
        <p className="premortem-nudge" role="status" data-testid="premortem-unclustered">
          {view.clusterNudge} {view.clusterNudge === 1 ? 'reason is' : 'reasons are'} not in a risk
          yet: select reasons that belong together, press Group and name the risk.
        </p>
      )}

      {view.dotsHint && (
        <p className="premortem-hint" data-testid="premortem-dots-hint">
          {state.vote?.status === 'open'
            ? 'The dot vote is open: place your dots on the risks on the board (the phase bar shows how many you have left).'
            : state.vote?.status === 'closed'
              ? 'The dot vote is closed: the register below is ranked by dots.'
              : facilitates
                ? 'Start the dot vote on the risks with “Start vote” in the phase bar.'
                : 'The facilitator starts the dot vote on the risks.'}
        </p>
      )}

      {view.showScoring && (
        <Scoring
          {...props}
          result={result}
          scoreRisks={view.scoreRisks}
          closeScoring={view.closeScoring}
          closed={scoresClosed}
          scorers={scorersOf(data)}
          active={active === 'scoring'}
        />
      )}

      <RiskRegister
        result={result}
        ranking={ranking}
        members={members}
        editor={props.editor}
        mitigate={view.mitigate}
        send={send}
        active={active === 'register'}
      />
    </div>
  )
}

function FormError({ error }: { error: string | null }) {
  return error ? (
    <p className="premortem-error" role="alert" data-testid="premortem-form-error">
      {error}
    </p>
  ) : null
}

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

function OwnerSelect(props: {
  id: string
  testId: string
  value: string
  members: readonly RoomMember[]
  /** The current owner's name, in case they are not in the list (yet). */
  currentName: string | null
  onChange: (id: string) => void
}) {
  const owners = props.members.filter((m) => m.role !== 'viewer')
  const known = owners.some((m) => m.id === props.value)
  return (
    <select
      id={props.id}
      data-testid={props.testId}
      value={props.value}
      aria-required="true"
      onChange={(event) => props.onChange(event.target.value)}
    >
      <option value="" disabled>
        Choose a person…
      </option>
      {!known && props.value !== '' && (
        <option value={props.value}>{props.currentName ?? 'Someone'}</option>
      )}
      {owners.map((member) => (
        <option key={member.id} value={member.id}>
          {member.name}
        </option>
      ))}
    </select>
  )
}

function BriefForm(props: {
  plan: PreMortemResult['plan']
  members: readonly RoomMember[]
  send: Send
  onDone: () => void
  onCancel: (() => void) | null
}) {
  const [statement, setStatement] = useState(props.plan?.statement ?? '')
  const [ownerId, setOwnerId] = useState(props.plan?.ownerId ?? '')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const id = useId()

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    const sent = await submitForm(briefCommand(statement, ownerId), props.send, setError)
    setBusy(false)
    if (sent) props.onDone()
  }

  return (
    <form
      className="premortem-form"
      aria-label="The plan"
      data-testid="premortem-brief-form"
      onSubmit={(event) => void submit(event)}
    >
      <label className="field" htmlFor={`${id}-statement`}>
        The plan, and what success looks like
      </label>
      <textarea
        id={`${id}-statement`}
        data-testid="premortem-plan-input"
        value={statement}
        maxLength={2000}
        rows={3}
        aria-required="true"
        onChange={(event) => setStatement(event.target.value)}
      />
      <label className="field" htmlFor={`${id}-owner`}>
        Plan owner (shares first)
      </label>
      <OwnerSelect
        id={`${id}-owner`}
        testId="premortem-owner-input"
        value={ownerId}
        members={props.members}
        currentName={props.plan?.ownerName ?? null}
        onChange={setOwnerId}
      />
      <FormError error={error} />
      <div className="premortem-form__actions">
        {props.onCancel && (
          <button type="button" className="button button--quiet" onClick={props.onCancel}>
            Cancel
          </button>
        )}
        <button
          type="submit"
          className="button button--primary"
          data-testid="premortem-brief-save"
          disabled={busy}
        >
          Save the plan
        </button>
      </div>
    </form>
  )
}

function RoundRobin(
  props: TemplatePanelProps & {
    startRound: boolean
    skipTurn: boolean
    myTurn: boolean
    revealAllInstead: boolean
    firstMemberId: string | null
    active: boolean
  },
) {
  const { send } = props
  const turns = turnsView(props.state.turns, props.self.id)
  const { notes, run } = usePrivateNotes(props.roomId, props.token, props.myTurn)
  const unshared = notes.filter((note) => !note.revealed)
  const [busy, setBusy] = useState(false)

  async function share(noteId: string) {
    setBusy(true)
    await run(send, { type: 'notes.reveal', scope: 'turn', noteId })
    setBusy(false)
  }

  return (
    <section
      className="premortem-section"
      aria-label="Round-robin"
      data-active={props.active}
      data-testid="premortem-turns"
    >
      <h3>Round-robin</h3>
      {props.revealAllInstead ? (
        <p className="premortem-hint" data-testid="premortem-anonymous-share">
          This room is anonymous: taking turns would show whose reason is whose, so{' '}
          {props.facilitates
            ? 'reveal every reason at once with “Reveal all” in your private notes panel.'
            : 'the facilitator reveals every reason at once.'}
        </p>
      ) : (
        <p className="premortem-turn-status" role="status" data-testid="premortem-turn-status">
          {turns.status}
        </p>
      )}
      {turns.started && (
        <p className="form-hint" data-testid="premortem-shared">
          {turns.shared} {turns.shared === 1 ? 'reason' : 'reasons'} shared
          {turns.done ? ' — done.' : ' so far.'}
        </p>
      )}
      {turns.rows.length > 0 && (
        <ol className="premortem-order" aria-label="Turn order" data-testid="premortem-order">
          {turns.rows.map((row) => (
            <li
              key={row.memberId}
              className={row.current ? 'premortem-order__current' : undefined}
              aria-current={row.current ? 'step' : undefined}
              data-testid="premortem-order-person"
            >
              {row.name}
              {row.self ? ' (you)' : ''}
              {row.current ? ' — sharing now' : ''}
            </li>
          ))}
        </ol>
      )}
      {props.myTurn && (
        <div className="premortem-mine" data-testid="premortem-my-notes">
          <p>
            <strong>Your turn.</strong> Pick one of your reasons to share:
          </p>
          {unshared.length === 0 ? (
            <p className="form-hint">Loading your notes…</p>
          ) : (
            <ul className="premortem-notes">
              {unshared.map((note) => (
                <li key={note.id} data-testid="premortem-my-note">
                  <span className="premortem-notes__text">{note.text}</span>
                  <button
                    type="button"
                    className="button button--primary"
                    data-testid="premortem-share"
                    disabled={busy}
                    onClick={() => void share(note.id)}
                  >
                    Share this one
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="premortem-form__actions">
        {props.startRound && (
          <button
            type="button"
            className={turns.started ? 'button' : 'button button--primary'}
            data-testid="premortem-turns-start"
            onClick={() => void send({ type: 'turns.start', firstMemberId: props.firstMemberId })}
          >
            {turns.started ? 'Start another round' : 'Start the round'}
          </button>
        )}
        {props.skipTurn && (
          <button
            type="button"
            className="button"
            data-testid="premortem-turns-skip"
            onClick={() => void send({ type: 'turns.skip' })}
          >
            Skip this turn
          </button>
        )}
      </div>
    </section>
  )
}

function Scoring(
  props: TemplatePanelProps & {
    result: PreMortemResult
    scoreRisks: boolean
    closeScoring: boolean
    closed: boolean
    scorers: readonly string[]
    active: boolean
  },
) {
  const { result, send } = props
  const own = useOwnSubmission(props.roomId, props.token, 'risk-scores', props.scoreRisks)
  const ownSheet = readScoreSheet(own.value)
  const [edits, setEdits] = useState<Record<string, Partial<ScoreDraft>>>({})
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState(false)
  const [busy, setBusy] = useState(false)
  const sheet = (riskId: string) => mergeScores(ownSheet, edits, riskId)
  const names = namesOf(props.scorers, props.members)
  const people = result.participants.length
  const handedIn = Object.keys(ownSheet).length > 0

  const edit = (riskId: string, patch: Partial<ScoreDraft>) => {
    setSaved(false)
    setEdits((e) => ({ ...e, [riskId]: { ...e[riskId], ...patch } }))
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    const sent = await submitForm(scoreCommand(result.risks, sheet), send, setError)
    setBusy(false)
    if (sent) {
      setEdits({})
      setSaved(true)
      own.reload()
    }
  }

  return (
    <section
      className="premortem-section"
      aria-label="Likelihood × impact"
      data-active={props.active}
      data-testid="premortem-scoring"
    >
      <h3>Likelihood × impact</h3>
      <p data-testid="premortem-scorers">
        {props.scorers.length} of {people} {people === 1 ? 'has' : 'have'} scored
        {names.length > 0 ? `: ${names.join(', ')}` : ''}.
      </p>
      {props.closed && (
        <p className="form-hint" data-testid="premortem-scores-closed">
          The scoring is closed: the register is ranked by likelihood × impact.
        </p>
      )}
      {props.scoreRisks && (
        <form
          className="premortem-form"
          aria-label="My scores"
          data-testid="premortem-score-form"
          onSubmit={(event) => void submit(event)}
        >
          <p className="form-hint">
            1 = unlikely / minor, 5 = almost certain / fatal. Hidden until closed.
          </p>
          <table className="premortem-scores">
            <thead>
              <tr>
                <th scope="col">Risk</th>
                <th scope="col">Likelihood</th>
                <th scope="col">Impact</th>
              </tr>
            </thead>
            <tbody>
              {result.risks.map((risk) => {
                const score = sheet(risk.id)
                const name = risk.name || 'Unnamed risk'
                return (
                  <tr key={risk.id} data-testid="premortem-score-row">
                    <th scope="row">{name}</th>
                    {(['likelihood', 'impact'] as const).map((field) => (
                      <td key={field}>
                        <select
                          aria-label={`${field === 'likelihood' ? 'Likelihood' : 'Impact'} of ${name}`}
                          data-testid={`premortem-score-${field}`}
                          value={score[field] ?? ''}
                          onChange={(event) =>
                            edit(risk.id, {
                              [field]:
                                event.target.value === '' ? null : Number(event.target.value),
                            })
                          }
                        >
                          <option value="">–</option>
                          {[1, 2, 3, 4, 5].map((n) => (
                            <option key={n} value={n}>
                              {n}
                            </option>
                          ))}
                        </select>
                      </td>
                    ))}
                  </tr>
                )
              })}
            </tbody>
          </table>
          <FormError error={error} />
          <div className="premortem-form__actions">
            {saved && (
              <span className="form-hint" role="status" data-testid="premortem-scores-saved">
                Saved.
              </span>
            )}
            <button
              type="submit"
              className="button button--primary"
              data-testid="premortem-scores-save"
              disabled={busy}
            >
              {handedIn ? 'Update my scores' : 'Hand in my scores'}
            </button>
          </div>
        </form>
      )}
      {props.closeScoring && (
        <button
          type="button"
          className="button"
          data-testid="premortem-scores-close"
          disabled={props.scorers.length === 0}
          onClick={() => void send({ type: 'scores.close' })}
        >
          Close scoring
        </button>
      )}
    </section>
  )
}

function RiskRegister(props: {
  result: PreMortemResult
  ranking: Ranking
  members: readonly RoomMember[]
  editor: Editor
  mitigate: boolean
  send: Send
  active: boolean
}) {
  const { result, ranking } = props
  const [editing, setEditing] = useState<string | null>(null)
  return (
    <section
      className="premortem-section"
      aria-label="Risk register"
      data-active={props.active}
      data-testid="premortem-register"
    >
      <h3>Risk register</h3>
      {result.risks.length === 0 ? (
        <p className="form-hint" data-testid="premortem-no-risks">
          No risks yet: group the reasons on the board and name each group.
        </p>
      ) : (
        <ol className="premortem-risks">
          {result.risks.map((risk) => (
            <li key={risk.id} className="premortem-risk" data-testid="premortem-risk">
              <button
                type="button"
                className="premortem-risk__head"
                title="Show it on the board"
                onClick={() => showShape(props.editor, risk.id)}
              >
                <span className="premortem-risk__rank" data-testid="premortem-risk-rank">
                  {risk.rank ?? '–'}
                </span>
                <span className="premortem-risk__name" data-testid="premortem-risk-name">
                  {risk.name || 'Unnamed risk'}
                </span>
                <span className="premortem-risk__score" data-testid="premortem-risk-score">
                  {riskScoreText(risk, ranking)}
                </span>
              </button>
              <p className="form-hint">
                {risk.reasons.length} {risk.reasons.length === 1 ? 'reason' : 'reasons'}
              </p>
              {editing === risk.id ? (
                <MitigationForm
                  risk={risk}
                  members={props.members}
                  send={props.send}
                  onDone={() => setEditing(null)}
                />
              ) : (
                <>
                  {risk.mitigation ? (
                    <p className="premortem-mitigation" data-testid="premortem-mitigation">
                      {risk.mitigation.text}{' '}
                      <span className="premortem-mitigation__owner">
                        — {risk.mitigation.ownerName}
                      </span>
                    </p>
                  ) : (
                    <p className="form-hint">No mitigation yet.</p>
                  )}
                  {props.mitigate && (
                    <button
                      type="button"
                      className="button button--quiet"
                      data-testid="premortem-mitigate"
                      onClick={() => setEditing(risk.id)}
                    >
                      {risk.mitigation ? 'Edit the mitigation' : 'Add a mitigation'}
                    </button>
                  )}
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      {result.unclustered.length > 0 && (
        <p className="form-hint" data-testid="premortem-register-unclustered">
          {result.unclustered.length}{' '}
          {result.unclustered.length === 1 ? 'reason is' : 'reasons are'} in no risk.
        </p>
      )}
    </section>
  )
}

function MitigationForm(props: {
  risk: RegisterEntry
  members: readonly RoomMember[]
  send: Send
  onDone: () => void
}) {
  const { risk } = props
  const [text, setText] = useState(risk.mitigation?.text ?? '')
  const [ownerId, setOwnerId] = useState(risk.mitigation?.ownerId ?? '')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const id = useId()

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    const sent = await submitForm(mitigationCommand(risk.id, text, ownerId), props.send, setError)
    setBusy(false)
    if (sent) props.onDone()
  }

  return (
    <form
      className="premortem-form"
      aria-label={`Mitigation for ${risk.name || 'the risk'}`}
      data-testid="premortem-mitigation-form"
      onSubmit={(event) => void submit(event)}
    >
      <label className="field" htmlFor={`${id}-text`}>
        Mitigation
      </label>
      <textarea
        id={`${id}-text`}
        data-testid="premortem-mitigation-input"
        value={text}
        maxLength={1000}
        rows={2}
        aria-required="true"
        onChange={(event) => setText(event.target.value)}
      />
      <label className="field" htmlFor={`${id}-owner`}>
        Owner
      </label>
      <OwnerSelect
        id={`${id}-owner`}
        testId="premortem-mitigation-owner"
        value={ownerId}
        members={props.members}
        currentName={risk.mitigation?.ownerName ?? null}
        onChange={setOwnerId}
      />
      <FormError error={error} />
      <div className="premortem-form__actions">
        <button type="button" className="button button--quiet" onClick={props.onDone}>
          Cancel
        </button>
        <button
          type="submit"
          className="button button--primary"
          data-testid="premortem-mitigation-save"
          disabled={busy}
        >
          Save
        </button>
      </div>
    </form>
  )
}

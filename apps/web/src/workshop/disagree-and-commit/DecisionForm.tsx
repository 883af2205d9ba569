import { type DecisionResult, decisionLimits, type Proposal } from '@accord/templates'
import { type FormEvent, useId, useState } from 'react'
import type { Send } from '../form-command'
import { FormFooter, TextField, useCommandForm } from '../forms'
import { formLook } from './form-look'
import { decisionCommand, decisionDraft, type DecisionDraft } from './decision-view'

/**
 * Recording the decision — the outcome, the option chosen, the decision, its rationale and its
 * consequences — or, once recorded, a button to change it.
 */
export function DecisionForm(props: {
  proposal: Proposal
  decision: DecisionResult['decision']
  /** How many blocked: accepting over a block asks how it was heard. */
  blocks: number
  send: Send
}) {
  const [open, setOpen] = useState(props.decision === null)
  const [draft, setDraft] = useState<DecisionDraft>(() => decisionDraft(props.decision))
  const form = useCommandForm(props.send)
  const id = useId()
  const change = (patch: Partial<DecisionDraft>) => setDraft((d) => ({ ...d, ...patch }))

  async function submit(event: FormEvent) {
    if (await form.submit(event, decisionCommand(draft, props.blocks > 0))) setOpen(false)
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
      <TextField
        id={`${id}-text`}
        label="Decision"
        testId="decision-text-input"
        value={draft.decision}
        maxLength={decisionLimits.decision}
        rows={2}
        required
        onChange={(decision) => change({ decision })}
      />
      <TextField
        id={`${id}-rationale`}
        label="Rationale"
        testId="decision-rationale-input"
        value={draft.rationale}
        maxLength={decisionLimits.decision}
        rows={3}
        required
        onChange={(rationale) => change({ rationale })}
      />
      <TextField
        id={`${id}-consequences`}
        label="Consequences"
        testId="decision-consequences-input"
        value={draft.consequences}
        maxLength={decisionLimits.decision}
        rows={3}
        onChange={(consequences) => change({ consequences })}
      />
      {props.blocks > 0 && draft.outcome === 'accepted' && (
        <TextField
          id={`${id}-acknowledgment`}
          label={`${props.blocks === 1 ? 'Someone' : `${props.blocks} people`} blocked: how was it heard? (required to accept)`}
          testId="decision-acknowledgment-input"
          value={draft.acknowledgment}
          maxLength={decisionLimits.reason}
          rows={2}
          required
          onChange={(acknowledgment) => change({ acknowledgment })}
        />
      )}
      <FormFooter
        look={formLook}
        form={form}
        submitTestId="decision-record"
        onCancel={props.decision ? () => setOpen(false) : null}
      >
        Record the decision
      </FormFooter>
    </form>
  )
}

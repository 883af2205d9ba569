import { decisionLimits, type Proposal, type RevisitedDecision } from '@accord/templates'
import { type FormEvent, useId, useState } from 'react'
import type { RoomMember } from '../../api/workshop'
import { SimilarDecisions } from '../../decisions/SimilarDecisions'
import type { Send } from '../form-command'
import { FormFooter, MemberField, TextField, useCommandForm } from '../forms'
import { formLook } from './form-look'
import { emptyOption, proposalCommand, proposalDraft, type ProposalDraft } from './decision-view'

/** A field's label with how to fill it in. */
const hinted = (label: string, hint: string) => (
  <>
    {label} <span className="form-hint">({hint})</span>
  </>
)

/**
 * Writing the proposal: its title, context, decision drivers, the options considered, who decides,
 * who to inform once it is decided, and its tags.
 */
export function ProposalForm(props: {
  proposal: Proposal | null
  /** Words to start from when there is no proposal yet (a revisited decision's). */
  draft?: RevisitedDecision['draft'] | null
  members: readonly RoomMember[]
  send: Send
  onDone: () => void
  onCancel: (() => void) | null
}) {
  const [draft, setDraft] = useState<ProposalDraft>(() =>
    proposalDraft(
      props.proposal ?? (props.draft ? { ...props.draft, deciderId: '', deciderName: '' } : null),
    ),
  )
  const form = useCommandForm(props.send)
  const id = useId()
  const change = (patch: Partial<ProposalDraft>) => setDraft((d) => ({ ...d, ...patch }))
  const changeOption = (index: number, patch: Partial<ProposalDraft['options'][number]>) =>
    setDraft((d) => ({
      ...d,
      options: d.options.map((o, i) => (i === index ? { ...o, ...patch } : o)),
    }))

  async function submit(event: FormEvent) {
    if (await form.submit(event, proposalCommand(draft))) props.onDone()
  }

  return (
    <form
      className="decision-form"
      aria-label="The proposal"
      data-testid="proposal-form"
      onSubmit={(event) => void submit(event)}
    >
      <TextField
        id={`${id}-title`}
        label="Title"
        testId="proposal-title-input"
        value={draft.title}
        maxLength={decisionLimits.title}
        required
        onChange={(title) => change({ title })}
      />
      <SimilarDecisions
        text={[draft.title, draft.context, ...draft.options.map((o) => o.title)].join('\n')}
      />
      <TextField
        id={`${id}-context`}
        label="Context"
        testId="proposal-context-input"
        value={draft.context}
        maxLength={decisionLimits.context}
        rows={3}
        onChange={(context) => change({ context })}
      />
      <TextField
        id={`${id}-drivers`}
        label={hinted('Decision drivers', 'one per line')}
        testId="proposal-drivers-input"
        value={draft.drivers}
        maxLength={decisionLimits.drivers.count * (decisionLimits.drivers.length + 1)}
        rows={2}
        onChange={(drivers) => change({ drivers })}
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
              maxLength={decisionLimits.options.title}
              onChange={(event) => changeOption(index, { title: event.target.value })}
            />
            {(['pros', 'cons'] as const).map((side) => (
              <textarea
                key={side}
                aria-label={`Option ${index + 1}: ${side}`}
                placeholder={side === 'pros' ? 'Pros' : 'Cons'}
                data-testid={`proposal-option-${side}`}
                value={option[side]}
                maxLength={decisionLimits.options.text}
                rows={1}
                onChange={(event) => changeOption(index, { [side]: event.target.value })}
              />
            ))}
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
          disabled={draft.options.length >= decisionLimits.options.count}
          onClick={() => setDraft((d) => ({ ...d, options: [...d.options, emptyOption] }))}
        >
          + Add an option
        </button>
      </fieldset>
      <MemberField
        id={`${id}-decider`}
        label="Who decides"
        testId="proposal-decider"
        value={draft.deciderId}
        members={props.members}
        currentName={props.proposal?.deciderName ?? null}
        onChange={(deciderId) => change({ deciderId })}
      />
      <label className="field" htmlFor={`${id}-informed`}>
        {hinted('People to inform', 'separated by commas')}
      </label>
      <input
        id={`${id}-informed`}
        data-testid="proposal-informed-input"
        value={draft.informed}
        maxLength={decisionLimits.informed.count * (decisionLimits.informed.length + 2)}
        onChange={(event) => change({ informed: event.target.value })}
      />
      <label className="field" htmlFor={`${id}-tags`}>
        {hinted('Tags', 'separated by commas')}
      </label>
      <input
        id={`${id}-tags`}
        data-testid="proposal-tags-input"
        value={draft.tags}
        maxLength={decisionLimits.tags.count * (decisionLimits.tags.length + 2)}
        onChange={(event) => change({ tags: event.target.value })}
      />
      <FormFooter
        look={formLook}
        form={form}
        submitTestId="proposal-save"
        onCancel={props.onCancel}
      >
        Save the proposal
      </FormFooter>
    </form>
  )
}

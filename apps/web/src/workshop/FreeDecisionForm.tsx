import type { DecisionRecord } from '@accord/records'
import { type FormEvent, useId, useState } from 'react'
import { type Editor, useValue } from 'tldraw'
import { sendCommand } from '../api/rooms'
import type { RoomMember } from '../api/workshop'
import { SimilarDecisions } from '../decisions/SimilarDecisions'
import { FormFooter, TextField } from './forms'
import { formLook } from './disagree-and-commit/form-look'
import {
  emptyFreeDecision,
  freeDecisionCommand,
  type FreeDecisionDraft,
  selectedShape,
} from './free-decision'

/**
 * "Record decision" on a board without decision steps of its own (rec:DR9): title, context, the
 * decision, why, its consequences and who decided — from the frame or note selected on the board
 * when there is one. Resolves the record to the panel once the server kept it.
 */
export function FreeDecisionForm(props: {
  roomId: string
  token: string
  editor: Editor
  members: readonly RoomMember[]
  onRecorded: (record: DecisionRecord) => void
  onCancel: () => void
}) {
  const [draft, setDraft] = useState<FreeDecisionDraft>(emptyFreeDecision)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const id = useId()
  const selection = useValue(
    'decision source',
    () => selectedShape(props.editor.getSelectedShapes()),
    [props.editor],
  )
  const change = (patch: Partial<FreeDecisionDraft>) => setDraft((d) => ({ ...d, ...patch }))
  const people = props.members.filter((member) => member.role !== 'viewer')

  async function submit(event: FormEvent) {
    event.preventDefault()
    const outcome = freeDecisionCommand(draft, selection)
    if (!outcome.ok) return setError(outcome.error)
    setBusy(true)
    const sent = await sendCommand(props.roomId, props.token, outcome.command)
    setBusy(false)
    if (!sent.ok) return setError(sent.message)
    setError(null)
    setDraft(emptyFreeDecision)
    props.onRecorded(sent.value)
  }

  const text = (key: 'context' | 'decision' | 'rationale' | 'consequences', label: string) => (
    <TextField
      id={`${id}-${key}`}
      label={label}
      testId={`free-decision-${key}`}
      value={draft[key]}
      maxLength={4000}
      rows={key === 'decision' ? 3 : 2}
      required={key === 'decision'}
      onChange={(value) => change({ [key]: value })}
    />
  )

  return (
    <form
      className="decision-form"
      aria-label="Record a decision"
      data-testid="free-decision-form"
      onSubmit={(event) => void submit(event)}
    >
      <TextField
        id={`${id}-title`}
        label="Title"
        testId="free-decision-title"
        value={draft.title}
        maxLength={200}
        required
        onChange={(title) => change({ title })}
      />
      <SimilarDecisions text={[draft.title, draft.context, draft.decision].join('\n')} />
      {text('context', 'Context: what made it necessary')}
      {text('decision', 'Decision')}
      {text('rationale', 'Why')}
      {text('consequences', 'Consequences')}
      <fieldset className="decision-fieldset" data-testid="free-decision-makers">
        <legend>Decided by</legend>
        {people.map((member) => (
          <label key={member.id} className="checkbox">
            <input
              type="checkbox"
              data-testid={`free-decision-maker-${member.name}`}
              checked={draft.decisionMakerIds.includes(member.id)}
              onChange={(event) =>
                change({
                  decisionMakerIds: event.target.checked
                    ? [...draft.decisionMakerIds, member.id]
                    : draft.decisionMakerIds.filter((chosen) => chosen !== member.id),
                })
              }
            />
            {member.name}
          </label>
        ))}
      </fieldset>
      <fieldset className="decision-fieldset">
        <legend>Status</legend>
        {(['accepted', 'proposed'] as const).map((status) => (
          <label key={status} className="checkbox">
            <input
              type="radio"
              name={`${id}-status`}
              data-testid={`free-decision-status-${status}`}
              checked={draft.status === status}
              onChange={() => change({ status })}
            />
            {status === 'accepted' ? 'Decided' : 'Proposed (to be decided)'}
          </label>
        ))}
      </fieldset>
      {selection ? (
        <label className="checkbox">
          <input
            type="checkbox"
            data-testid="free-decision-from-selection"
            checked={draft.fromSelection}
            onChange={(event) => change({ fromSelection: event.target.checked })}
          />
          From the selected {selection.label}
        </label>
      ) : (
        <p className="log-muted">Select a frame or a note first to link the decision to it.</p>
      )}
      <FormFooter
        look={formLook}
        form={{ error, busy }}
        submitTestId="free-decision-submit"
        onCancel={props.onCancel}
      >
        {busy ? 'Recording…' : 'Record decision'}
      </FormFooter>
    </form>
  )
}

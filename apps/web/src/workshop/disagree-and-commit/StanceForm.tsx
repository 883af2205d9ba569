import { decisionLimits, type Scale } from '@accord/templates'
import { type FormEvent, useId, useState } from 'react'
import type { Send } from '../form-command'
import { FormFooter, TextField, useCommandForm } from '../forms'
import { formLook } from './form-look'
import { reasonRequired, stanceChoices, stanceCommand, type StanceValue } from './decision-view'

/** Giving (or changing) one's hidden stance on the scale, with a reason where one is required. */
export function StanceForm(props: {
  scale: Scale
  own: { value: StanceValue; reason: string } | null
  hasGiven: boolean
  send: Send
  onGiven: () => void
}) {
  // Unchanged fields show the stance already given.
  const [picked, setPicked] = useState<StanceValue | null>(null)
  const [reasonDraft, setReasonDraft] = useState<string | null>(null)
  const form = useCommandForm(props.send)
  const id = useId()
  const value = picked ?? props.own?.value ?? null
  const reason = reasonDraft ?? props.own?.reason ?? ''
  const required = reasonRequired(value)

  async function submit(event: FormEvent) {
    if (await form.submit(event, stanceCommand(value, reason))) {
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
      <TextField
        id={`${id}-reason`}
        label={required ? 'Reason (required for a block or a low score)' : 'Reason (optional)'}
        testId="stance-reason"
        value={reason}
        maxLength={decisionLimits.reason}
        rows={2}
        required={required}
        onChange={setReasonDraft}
      />
      <FormFooter look={formLook} form={form} submitTestId="stance-give" disabled={value === null}>
        {props.hasGiven ? 'Change my stance' : 'Give my stance'}
      </FormFooter>
    </form>
  )
}

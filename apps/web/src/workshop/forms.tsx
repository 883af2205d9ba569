/**
 * Pieces the template panels' forms share: sending a form's command, a labelled text box, choosing
 * a person, and the form's foot (what to fix, Cancel and the submit button).
 */
import { type FormEvent, type ReactNode, useState } from 'react'
import type { RoomMember } from '../api/workshop'
import { type FormOutcome, type Send, submitForm } from './form-command'

/**
 * A command form's state: what to fix (if anything) and whether it is sending. `submit` sends the
 * form's outcome and resolves true once the command was sent and accepted.
 */
export function useCommandForm(send: Send) {
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent, outcome: FormOutcome): Promise<boolean> {
    event.preventDefault()
    setBusy(true)
    const sent = await submitForm(outcome, send, setError)
    setBusy(false)
    return sent
  }

  return { error, busy, submit }
}

/** How a template's panel marks its forms: the class names its styles use, the error's test id. */
export interface FormLook {
  readonly errorClassName: string
  readonly errorTestId: string
  readonly actionsClassName: string
}

/**
 * The foot of a form: what to fix (if anything), then a status (e.g. "Saved."), Cancel (where the
 * form can be left) and the submit button, labelled by the children.
 */
export function FormFooter(props: {
  look: FormLook
  form: { readonly error: string | null; readonly busy: boolean }
  submitTestId: string
  /** The submit button is disabled while sending, and when this says so. */
  disabled?: boolean
  onCancel?: (() => void) | null
  status?: ReactNode
  children: ReactNode
}) {
  const { look, form } = props
  return (
    <>
      {form.error ? (
        <p className={look.errorClassName} role="alert" data-testid={look.errorTestId}>
          {form.error}
        </p>
      ) : null}
      <div className={look.actionsClassName}>
        {props.status}
        {props.onCancel && (
          <button type="button" className="button button--quiet" onClick={props.onCancel}>
            Cancel
          </button>
        )}
        <button
          type="submit"
          className="button button--primary"
          data-testid={props.submitTestId}
          disabled={form.busy || props.disabled}
        >
          {props.children}
        </button>
      </div>
    </>
  )
}

/** A labelled text box of a form: one line, or a text area of `rows` lines. */
export function TextField(props: {
  id: string
  label: ReactNode
  testId: string
  value: string
  maxLength: number
  /** Lines of a text area; without, a one-line box. */
  rows?: number
  required?: boolean
  onChange: (value: string) => void
}) {
  const box = {
    id: props.id,
    'data-testid': props.testId,
    value: props.value,
    maxLength: props.maxLength,
    'aria-required': props.required,
  }
  return (
    <>
      <label className="field" htmlFor={props.id}>
        {props.label}
      </label>
      {props.rows === undefined ? (
        <input {...box} onChange={(event) => props.onChange(event.target.value)} />
      ) : (
        <textarea
          {...box}
          rows={props.rows}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
    </>
  )
}

/** Choosing one of the room's people who take part (not a viewer), e.g. who decides or owns. */
export function MemberField(props: {
  id: string
  label: ReactNode
  testId: string
  /** The chosen member's id, or '' for nobody yet. */
  value: string
  members: readonly RoomMember[]
  /** The name to show for a chosen person who is not in the list (yet); null leaves them out. */
  currentName: string | null
  onChange: (id: string) => void
}) {
  const people = props.members.filter((m) => m.role !== 'viewer')
  const known = people.some((m) => m.id === props.value)
  return (
    <>
      <label className="field" htmlFor={props.id}>
        {props.label}
      </label>
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
        {!known && props.value !== '' && props.currentName !== null && (
          <option value={props.value}>{props.currentName}</option>
        )}
        {people.map((member) => (
          <option key={member.id} value={member.id}>
            {member.name}
          </option>
        ))}
      </select>
    </>
  )
}

import { type FormEvent, useEffect, useRef, useState } from 'react'
import { type DecisionRecord, supersedeDecision } from '../api/records'
import { supersedeChanges, type SupersedeForm as Values, supersedeFormFrom } from './decision-view'

type TextField = Exclude<keyof Values, 'options'>

/**
 * A new record that supersedes this one, prefilled with its content to amend. The original is
 * kept as it was, marked superseded, and both link to each other.
 */
export function SupersedeForm(props: {
  record: DecisionRecord
  token: string
  onCancel: () => void
  onSuperseded: (successor: DecisionRecord) => void
}) {
  const { record } = props
  const [values, setValues] = useState<Values>(() => supersedeFormFrom(record))
  const [problem, setProblem] = useState<{ field: keyof Values | null; message: string } | null>(
    null,
  )
  const [busy, setBusy] = useState(false)
  const titleRef = useRef<HTMLInputElement>(null)

  useEffect(() => {
    titleRef.current?.focus()
    titleRef.current?.scrollIntoView({ block: 'center' })
  }, [])

  const set = (field: TextField, value: string) => {
    setValues((all) => ({ ...all, [field]: value }))
    setProblem(null)
  }
  const setOption = (index: number, field: 'title' | 'pros' | 'cons', value: string) => {
    setValues((all) => ({
      ...all,
      options: all.options.map((option, i) =>
        i === index ? { ...option, [field]: value } : option,
      ),
    }))
    setProblem(null)
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    const input = supersedeChanges(values)
    if (!input.ok) {
      setProblem({ field: input.field, message: input.message })
      document.getElementById(`supersede-${input.field}`)?.focus()
      return
    }
    setBusy(true)
    setProblem(null)
    const result = await supersedeDecision(record.id, props.token, input.changes)
    setBusy(false)
    if (!result.ok) return setProblem({ field: null, message: result.message })
    props.onSuperseded(result.value.successor)
  }

  const field = (
    name: TextField,
    label: string,
    options: { long?: boolean; hint?: string } = {},
  ) => {
    const id = `supersede-${name}`
    const invalid = problem?.field === name
    const common = {
      id,
      value: values[name],
      'aria-invalid': invalid || undefined,
      'aria-describedby': invalid ? `${id}-error` : options.hint ? `${id}-hint` : undefined,
      'data-testid': id,
    }
    return (
      <div className="log-field log-field--block">
        <label htmlFor={id}>{label}</label>
        {options.long ? (
          <textarea rows={3} {...common} onChange={(e) => set(name, e.target.value)} />
        ) : (
          <input {...common} onChange={(e) => set(name, e.target.value)} />
        )}
        {options.hint && !invalid && (
          <span className="form-hint" id={`${id}-hint`}>
            {options.hint}
          </span>
        )}
        {invalid && (
          <span className="form-error" id={`${id}-error`}>
            {problem.message}
          </span>
        )}
      </div>
    )
  }
  const optionTitles = values.options.map((o) => o.title.trim()).filter((t) => t !== '')

  return (
    <form
      className="log-supersede"
      data-testid="supersede-form"
      aria-labelledby="supersede-heading"
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <h2 id="supersede-heading">Supersede {record.id} with a new record</h2>
      <p className="form-hint">
        The new record is accepted at once and links back to {record.id}, which keeps its content
        and is marked superseded.
      </p>
      {field('title', 'Title')}
      {field('context', 'Context', { long: true })}
      {field('drivers', 'Decision drivers', { long: true, hint: 'One per line.' })}

      <fieldset className="log-supersede__options">
        <legend>Options considered</legend>
        {values.options.map((option, index) => (
          <div className="log-supersede__option" key={index} data-testid="supersede-option">
            <label>
              Option
              <input
                value={option.title}
                onChange={(e) => setOption(index, 'title', e.target.value)}
              />
            </label>
            <label>
              Pros
              <input
                value={option.pros}
                onChange={(e) => setOption(index, 'pros', e.target.value)}
              />
            </label>
            <label>
              Cons
              <input
                value={option.cons}
                onChange={(e) => setOption(index, 'cons', e.target.value)}
              />
            </label>
            <button
              type="button"
              className="button button--quiet"
              aria-label={`Remove option ${option.title || index + 1}`}
              onClick={() =>
                setValues((all) => ({ ...all, options: all.options.filter((_, i) => i !== index) }))
              }
            >
              Remove
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button--quiet"
          disabled={values.options.length >= 10}
          onClick={() =>
            setValues((all) => ({
              ...all,
              options: [...all.options, { title: '', pros: '', cons: '' }],
            }))
          }
        >
          Add an option
        </button>
        <div className="log-field log-field--block">
          <label htmlFor="supersede-chosenOption">Chosen option</label>
          <select
            id="supersede-chosenOption"
            value={values.chosenOption}
            aria-invalid={problem?.field === 'chosenOption' || undefined}
            onChange={(e) => set('chosenOption', e.target.value)}
          >
            <option value="">None</option>
            {optionTitles.map((title) => (
              <option key={title} value={title}>
                {title}
              </option>
            ))}
          </select>
          {problem?.field === 'chosenOption' && (
            <span className="form-error">{problem.message}</span>
          )}
        </div>
      </fieldset>

      {field('decision', 'Decision', { long: true })}
      {field('rationale', 'Rationale', { long: true })}
      {field('consequences', 'Consequences', { long: true })}
      {field('decisionMakers', 'Decision-makers', { hint: 'Names, separated by commas.' })}
      {field('consulted', 'Consulted', { hint: 'Names, separated by commas.' })}
      {field('informed', 'Informed', { hint: 'Names, separated by commas.' })}
      {field('tags', 'Tags', { hint: 'Separated by commas.' })}
      {field('note', 'Why it changes', { hint: 'Kept in the history of both records.' })}

      {problem && problem.field === null && (
        <p className="form-error" role="alert" data-testid="supersede-error">
          {problem.message}
        </p>
      )}
      <div className="log-controls__row">
        <button
          type="submit"
          className="button button--primary"
          disabled={busy}
          data-testid="supersede-submit"
        >
          {busy ? 'Saving…' : 'Save the new record'}
        </button>
        <button type="button" className="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}

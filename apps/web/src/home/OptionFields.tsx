import type { OptionField } from '@accord/templates'
import { controlFor, type FieldInput, type FormValues } from './options-form'

interface Props {
  readonly templateId: string
  readonly fields: readonly OptionField[]
  readonly values: FormValues
  readonly errors: Readonly<Record<string, string>>
  readonly onChange: (key: string, value: FieldInput) => void
}

/** A template's options as a form: one labelled control per field, generated from its kind. */
export function OptionFields({ templateId, fields, values, errors, onChange }: Props) {
  return (
    <fieldset className="gallery-options" data-testid="template-options">
      <legend className="gallery-section-title">Options</legend>
      {fields.map((field) => (
        <Field
          key={field.key}
          id={`option-${templateId}-${field.key}`}
          field={field}
          value={values[field.key] ?? field.default}
          error={errors[field.key]}
          onChange={(value) => onChange(field.key, value)}
        />
      ))}
    </fieldset>
  )
}

function Field({
  id,
  field,
  value,
  error,
  onChange,
}: {
  id: string
  field: OptionField
  value: FieldInput | number
  error: string | undefined
  onChange: (value: FieldInput) => void
}) {
  const helpId = `${id}-help`
  const errorId = `${id}-error`
  const rangeId = `${id}-range`
  const describedBy =
    [field.kind === 'number' ? rangeId : null, field.help ? helpId : null, error ? errorId : null]
      .filter(Boolean)
      .join(' ') || undefined
  const help = field.help && (
    <p className="gallery-field__help" id={helpId}>
      {field.help}
    </p>
  )
  const problem = error && (
    <p className="gallery-field__error" id={errorId}>
      {error}
    </p>
  )
  const control = controlFor(field)

  if (field.kind === 'choice' && control === 'segmented') {
    return (
      <fieldset
        className="gallery-field gallery-field--choice"
        aria-describedby={describedBy}
        data-option={field.key}
      >
        <legend className="gallery-field__label">{field.label}</legend>
        <div className="gallery-segments">
          {field.choices.map((choice) => (
            <label key={choice.value} className="gallery-segment">
              <input
                type="radio"
                name={id}
                value={choice.value}
                checked={value === choice.value}
                onChange={() => onChange(choice.value)}
              />
              <span>{choice.label}</span>
            </label>
          ))}
        </div>
        {help}
        {problem}
      </fieldset>
    )
  }

  if (field.kind === 'boolean') {
    return (
      <div className="gallery-field gallery-field--check" data-option={field.key}>
        <label className="gallery-check">
          <input
            id={id}
            type="checkbox"
            checked={value === true}
            aria-describedby={describedBy}
            onChange={(event) => onChange(event.target.checked)}
          />
          <span className="gallery-field__label">{field.label}</span>
        </label>
        {help}
        {problem}
      </div>
    )
  }

  return (
    <div className="gallery-field" data-option={field.key}>
      <label className="gallery-field__label" htmlFor={id}>
        {field.label}
      </label>
      {field.kind === 'choice' ? (
        <select
          id={id}
          value={String(value)}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        >
          {field.choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      ) : field.kind === 'number' ? (
        <div className="gallery-number">
          <input
            id={id}
            type="number"
            inputMode="numeric"
            min={field.min}
            max={field.max}
            step={1}
            value={String(value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            onChange={(event) => onChange(event.target.value)}
          />
          <span className="gallery-number__unit" id={rangeId}>
            {field.unit ? `${field.unit} · ` : ''}
            {field.min}–{field.max}
          </span>
        </div>
      ) : control === 'textarea' ? (
        <textarea
          id={id}
          rows={3}
          maxLength={field.kind === 'text' ? field.maxLength : undefined}
          value={String(value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        />
      ) : (
        <input
          id={id}
          type="text"
          maxLength={field.maxLength}
          value={String(value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      {help}
      {problem}
    </div>
  )
}

/**
 * A template's options are data — a list of fields the gallery renders as a form and the API
 * publishes — and one checker validates any template's options against its fields, naming the
 * problem when they do not fit.
 */
import { err, ok, type Result } from '@accord/facilitation'

interface FieldBase {
  readonly key: string
  readonly label: string
  readonly help?: string
}

export type OptionField =
  | (FieldBase & {
      readonly kind: 'choice'
      readonly choices: readonly { readonly value: string; readonly label: string }[]
      readonly default: string
    })
  | (FieldBase & {
      readonly kind: 'number'
      readonly min: number
      readonly max: number
      readonly default: number
      /** Shown after the number, e.g. "minutes". */
      readonly unit?: string
    })
  | (FieldBase & { readonly kind: 'boolean'; readonly default: boolean })
  | (FieldBase & { readonly kind: 'text'; readonly maxLength: number; readonly default: string })

export type OptionValue = string | number | boolean
export type OptionValues = Readonly<Record<string, OptionValue>>

export function defaultOptions(fields: readonly OptionField[]): OptionValues {
  return Object.fromEntries(fields.map((field) => [field.key, field.default]))
}

/** [tpl:OP1] Fills in defaults and checks every given option; unknown keys are refused by name. */
export function checkOptions(fields: readonly OptionField[], raw: unknown): Result<OptionValues> {
  if (raw === undefined || raw === null) return ok(defaultOptions(fields))
  if (typeof raw !== 'object' || Array.isArray(raw)) return err('options: must be an object')
  const given = raw as Record<string, unknown>
  const known = new Set(fields.map((field) => field.key))
  const unknown = Object.keys(given).find((key) => !known.has(key))
  if (unknown !== undefined) {
    return err(`options.${unknown}: unknown option; known: ${[...known].join(', ') || 'none'}`)
  }
  const values: Record<string, OptionValue> = {}
  for (const field of fields) {
    const value = given[field.key]
    if (value === undefined) {
      values[field.key] = field.default
      continue
    }
    const checked = checkField(field, value)
    if (!checked.ok) return err(`options.${field.key}: ${checked.error}`)
    values[field.key] = checked.value
  }
  return ok(values)
}

function checkField(field: OptionField, value: unknown): Result<OptionValue> {
  switch (field.kind) {
    case 'choice':
      return typeof value === 'string' && field.choices.some((choice) => choice.value === value)
        ? ok(value)
        : err(`must be one of ${field.choices.map((choice) => choice.value).join(', ')}`)
    case 'number':
      return typeof value === 'number' &&
        Number.isInteger(value) &&
        value >= field.min &&
        value <= field.max
        ? ok(value)
        : err(`must be a whole number from ${field.min} to ${field.max}`)
    case 'boolean':
      return typeof value === 'boolean' ? ok(value) : err('must be true or false')
    case 'text': {
      if (typeof value !== 'string') return err('must be a string')
      const text = value.trim()
      if (text.length > field.maxLength) return err(`must be at most ${field.maxLength} characters`)
      if (/\p{Cc}/u.test(text)) return err('must not contain control characters')
      return ok(text)
    }
  }
}

/** Typed readers for options already checked against their fields. */
export const option = {
  text: (options: OptionValues, key: string): string => {
    const value = options[key]
    return typeof value === 'string' ? value : ''
  },
  number: (options: OptionValues, key: string): number => {
    const value = options[key]
    return typeof value === 'number' ? value : 0
  },
  flag: (options: OptionValues, key: string): boolean => options[key] === true,
}

/** Options most methods share. */
export const commonFields = {
  anonymous: {
    key: 'anonymous',
    label: 'Anonymous',
    help: 'Revealed notes, votes and stances carry no names.',
    kind: 'boolean',
    default: false,
  },
  writingMinutes: (defaultMinutes: number): OptionField => ({
    key: 'writingMinutes',
    label: 'Private writing',
    kind: 'number',
    min: 1,
    max: 60,
    default: defaultMinutes,
    unit: 'minutes',
  }),
  dots: (defaultDots: number): OptionField => ({
    key: 'dots',
    label: 'Dots per person',
    kind: 'number',
    min: 1,
    max: 20,
    default: defaultDots,
  }),
} satisfies Record<string, OptionField | ((n: number) => OptionField)>

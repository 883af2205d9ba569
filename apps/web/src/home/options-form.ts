/**
 * The options form of a template, as state: what each control holds (text for number inputs, so
 * people can type freely), and how that state becomes the options sent to `POST /api/rooms` —
 * valid by the template's own checker, or with a message for each field that is not.
 */
import { checkOptions, type OptionField, type OptionValues } from '@accord/templates'

/** What a control holds: a checkbox a boolean, every other control its text. */
export type FieldInput = string | boolean
export type FormValues = Readonly<Record<string, FieldInput>>

export interface ReadOptions {
  /** The options to send: every field, its default standing in for a field in error. */
  readonly options: OptionValues
  /** A message per field whose input is not acceptable. */
  readonly errors: Readonly<Record<string, string>>
}

/** How a field is shown: a short list of choices as segmented buttons, a longer one as a menu. */
export type Control = 'segmented' | 'select' | 'number' | 'checkbox' | 'text' | 'textarea'

export const MAX_SEGMENTS = 4
/** Text allowed to be longer than this gets several lines to be written in. */
export const MAX_SINGLE_LINE = 120

export function controlFor(field: OptionField): Control {
  switch (field.kind) {
    case 'choice':
      return field.choices.length <= MAX_SEGMENTS ? 'segmented' : 'select'
    case 'number':
      return 'number'
    case 'boolean':
      return 'checkbox'
    case 'text':
      return field.maxLength > MAX_SINGLE_LINE ? 'textarea' : 'text'
  }
}

export function initialFormValues(fields: readonly OptionField[]): FormValues {
  return Object.fromEntries(
    fields.map((field) => [
      field.key,
      field.kind === 'number' ? String(field.default) : field.default,
    ]),
  )
}

export function readOptions(fields: readonly OptionField[], values: FormValues): ReadOptions {
  const options: Record<string, string | number | boolean> = {}
  const errors: Record<string, string> = {}
  for (const field of fields) {
    const input = values[field.key]
    const read = readField(field, input)
    if (read.ok) options[field.key] = read.value
    else {
      options[field.key] = field.default
      errors[field.key] = read.error
    }
  }
  // The template's checker has the last word, so the form cannot send what the server refuses.
  const checked = checkOptions(fields, options)
  if (!checked.ok) {
    const { field, detail } = splitApiMessage(checked.error)
    const key = field?.startsWith('options.') ? field.slice('options.'.length) : null
    if (key && !(key in errors)) errors[key] = capitalise(sentence(detail))
    return { options, errors }
  }
  return { options: checked.value, errors }
}

type Read = { ok: true; value: string | number | boolean } | { ok: false; error: string }

function readField(field: OptionField, input: FieldInput | undefined): Read {
  if (input === undefined) return { ok: true, value: field.default }
  switch (field.kind) {
    case 'choice':
      return typeof input === 'string' && field.choices.some((c) => c.value === input)
        ? { ok: true, value: input }
        : { ok: false, error: `Choose one of: ${field.choices.map((c) => c.label).join(', ')}.` }
    case 'number': {
      const text = String(input).trim()
      const value = Number(text)
      return /^-?\d+$/.test(text) && value >= field.min && value <= field.max
        ? { ok: true, value }
        : { ok: false, error: `Enter a whole number from ${field.min} to ${field.max}.` }
    }
    case 'boolean':
      return { ok: true, value: input === true }
    case 'text': {
      const text = String(input).trim()
      return text.length <= field.maxLength
        ? { ok: true, value: text }
        : { ok: false, error: `Use at most ${field.maxLength} characters.` }
    }
  }
}

/**
 * The API names the problem with a path first (`options.dots: must be …`, `followUp: …`); splits
 * it so the message can be shown beside the field it is about.
 */
export function splitApiMessage(message: string): { field: string | null; detail: string } {
  const match = /^([A-Za-z][\w-]*(?:\.[\w-]+)*): (.+)$/s.exec(message)
  return match?.[1] && match[2]
    ? { field: match[1], detail: match[2] }
    : { field: null, detail: message }
}

/** The problem an API message names, as a sentence to show beside its field. */
export function apiFieldMessage(message: string): string {
  return capitalise(sentence(splitApiMessage(message).detail))
}

/** An API message in words for people: the field's label in place of its path. */
export function describeApiMessage(message: string, fields: readonly OptionField[]): string {
  const { field, detail } = splitApiMessage(message)
  if (field === null) return sentence(detail)
  const option = fields.find((f) => `options.${f.key}` === field)
  const label =
    option?.label ??
    (field === 'followUp' ? 'Follow-up' : field === 'title' ? 'Board title' : field)
  return `${label}: ${sentence(detail)}`
}

function sentence(text: string): string {
  const trimmed = text.trim()
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

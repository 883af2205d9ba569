import { describe, expect, it } from 'vitest'
import { findTemplate, type OptionField } from '@accord/templates'
import {
  apiFieldMessage,
  controlFor,
  describeApiMessage,
  initialFormValues,
  readOptions,
  splitApiMessage,
} from './options-form'

const retroFields = findTemplate('retro')!.optionFields

describe('options form', () => {
  it('starts from the template’s defaults, numbers as text', () => {
    expect(initialFormValues(retroFields)).toEqual({
      format: 'start-stop-continue',
      dots: '3',
      writingMinutes: '5',
      anonymous: false,
      team: '',
    })
  })

  it('turns the form into options the template accepts', () => {
    const values = {
      ...initialFormValues(retroFields),
      format: 'sailboat',
      dots: ' 5 ',
      anonymous: true,
      team: '  Platform  ',
    }
    expect(readOptions(retroFields, values)).toEqual({
      options: {
        format: 'sailboat',
        dots: 5,
        writingMinutes: 5,
        anonymous: true,
        team: 'Platform',
      },
      errors: {},
    })
  })

  it('names each field whose input is out of bounds, and keeps its default meanwhile', () => {
    const values = { ...initialFormValues(retroFields), dots: '0', writingMinutes: '2.5' }
    const read = readOptions(retroFields, values)
    expect(read.errors).toEqual({
      dots: 'Enter a whole number from 1 to 20.',
      writingMinutes: 'Enter a whole number from 1 to 60.',
    })
    expect(read.options).toMatchObject({ dots: 3, writingMinutes: 5 })
    expect(readOptions(retroFields, { ...values, dots: '', writingMinutes: 'x' }).errors).toEqual({
      dots: 'Enter a whole number from 1 to 20.',
      writingMinutes: 'Enter a whole number from 1 to 60.',
    })
  })

  it('refuses text over its limit and what the template’s checker refuses', () => {
    expect(readOptions(retroFields, { team: 'x'.repeat(81) }).errors).toEqual({
      team: 'Use at most 80 characters.',
    })
    expect(readOptions(retroFields, { team: 'a\u0007b' }).errors).toEqual({
      team: 'Must not contain control characters.',
    })
    expect(readOptions(retroFields, { format: 'starfish' }).errors.format).toMatch(/^Choose one of/)
  })

  it('fills in fields the form has no value for', () => {
    expect(readOptions(retroFields, {}).options).toEqual({
      format: 'start-stop-continue',
      dots: 3,
      writingMinutes: 5,
      anonymous: false,
      team: '',
    })
    expect(readOptions([], {})).toEqual({ options: {}, errors: {} })
  })

  it('shows short choice lists as segmented buttons, longer ones as a menu', () => {
    const choice = (n: number): OptionField => ({
      key: 'c',
      label: 'C',
      kind: 'choice',
      default: 'v0',
      choices: Array.from({ length: n }, (_, i) => ({ value: `v${i}`, label: `V${i}` })),
    })
    expect(controlFor(choice(4))).toBe('segmented')
    expect(controlFor(choice(5))).toBe('select')
    const text = (maxLength: number): OptionField => ({
      key: 't',
      label: 'T',
      kind: 'text',
      maxLength,
      default: '',
    })
    expect(controlFor(text(120))).toBe('text')
    expect(controlFor(text(600))).toBe('textarea')
    expect(retroFields.map(controlFor)).toEqual([
      'segmented',
      'number',
      'number',
      'checkbox',
      'text',
    ])
  })
})

describe('API messages', () => {
  it('splits the path the server names from the problem', () => {
    expect(splitApiMessage('options.dots: must be a whole number from 1 to 20')).toEqual({
      field: 'options.dots',
      detail: 'must be a whole number from 1 to 20',
    })
    expect(splitApiMessage('Cannot reach the Accord server.')).toEqual({
      field: null,
      detail: 'Cannot reach the Accord server.',
    })
  })

  it('says the problem beside its field as a sentence', () => {
    expect(apiFieldMessage('options.dots: must be a whole number from 1 to 20')).toBe(
      'Must be a whole number from 1 to 20.',
    )
  })

  it('puts the field’s label in place of its path', () => {
    expect(
      describeApiMessage('options.dots: must be a whole number from 1 to 20', retroFields),
    ).toBe('Dots per person: must be a whole number from 1 to 20.')
    expect(
      describeApiMessage(
        'followUp: only a facilitator of the earlier workshop can follow it up',
        retroFields,
      ),
    ).toBe('Follow-up: only a facilitator of the earlier workshop can follow it up.')
    expect(describeApiMessage('Request failed (500)', [])).toBe('Request failed (500).')
  })
})

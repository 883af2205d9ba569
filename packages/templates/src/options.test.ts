import { describe, expect, it } from 'vitest'
import { checkOptions, defaultOptions, type OptionField } from './options.js'

const fields: OptionField[] = [
  {
    key: 'format',
    label: 'Format',
    kind: 'choice',
    choices: [
      { value: 'a', label: 'A' },
      { value: 'b', label: 'B' },
    ],
    default: 'a',
  },
  { key: 'dots', label: 'Dots', kind: 'number', min: 1, max: 5, default: 3 },
  { key: 'anonymous', label: 'Anonymous', kind: 'boolean', default: false },
  { key: 'team', label: 'Team', kind: 'text', maxLength: 10, default: '' },
]

describe('template options', () => {
  it('[tpl:OP1] fill in defaults for anything not given', () => {
    expect(checkOptions(fields, undefined)).toEqual({ ok: true, value: defaultOptions(fields) })
    expect(checkOptions(fields, { dots: 5, team: '  Core ' })).toEqual({
      ok: true,
      value: { format: 'a', dots: 5, anonymous: false, team: 'Core' },
    })
  })

  it('[tpl:OP1] name the option that does not fit, and why', () => {
    expect(checkOptions(fields, { format: 'c' })).toEqual({
      ok: false,
      error: 'options.format: must be one of a, b',
    })
    expect(checkOptions(fields, { dots: 6 })).toEqual({
      ok: false,
      error: 'options.dots: must be a whole number from 1 to 5',
    })
    expect(checkOptions(fields, { dots: 1.5 }).ok).toBe(false)
    expect(checkOptions(fields, { anonymous: 'yes' })).toEqual({
      ok: false,
      error: 'options.anonymous: must be true or false',
    })
    expect(checkOptions(fields, { team: 'x'.repeat(11) }).ok).toBe(false)
    expect(checkOptions(fields, { team: 'a\u0000b' }).ok).toBe(false)
    expect(checkOptions(fields, { colour: 'red' })).toEqual({
      ok: false,
      error: 'options.colour: unknown option; known: format, dots, anonymous, team',
    })
    expect(checkOptions(fields, [1])).toEqual({ ok: false, error: 'options: must be an object' })
  })
})

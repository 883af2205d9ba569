import { describe, expect, it } from 'vitest'
import { guestName, MAX_DISPLAY_NAME, normaliseDisplayName } from './current-user'

describe('display names', () => {
  it('are trimmed, single-spaced and bounded', () => {
    expect(normaliseDisplayName('  Ada   Lovelace \n')).toBe('Ada Lovelace')
    expect(normaliseDisplayName('x'.repeat(100))).toHaveLength(MAX_DISPLAY_NAME)
    expect(normaliseDisplayName('   ')).toBe('')
  })

  it('guest names are one word, since notes are labelled with the first word', () => {
    for (const r of [0, 0.5, 0.999]) expect(guestName(() => r)).toMatch(/^\S+$/)
  })
})

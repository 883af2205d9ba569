import { describe, expect, it } from 'vitest'
import { aboutText, MAX_SEARCH_TERMS, resemblance, roughStem, searchTerms } from './similar.js'

describe('the re-litigation guard', () => {
  it('[rec:SG1] searches by the words that say what a text is about, never by search syntax', () => {
    expect(searchTerms('We should move the ledger to PostgreSQL, and soon!')).toEqual([
      'move',
      'ledger',
      'postgresql',
      'soon',
    ])
    expect(searchTerms('"x" OR y* NEAR(a b) -c AND:d ^e')).toEqual([
      'x',
      'y',
      'near',
      'b',
      'c',
      'd',
      'e',
    ])
    expect(searchTerms('Évaluer la base: CI/UX', 3)).toEqual(['évaluer', 'base'])
    expect(searchTerms('the and of')).toEqual([])
    expect(searchTerms(Array.from({ length: 80 }, (_, i) => `w${i}`).join(' '))).toHaveLength(
      MAX_SEARCH_TERMS,
    )
  })

  it('counts words alike by a rough stem', () => {
    expect(['deploys', 'deployed', 'deploying', 'deploy'].map(roughStem)).toEqual(
      Array(4).fill('deploy'),
    )
    expect(roughStem('policies')).toBe('policy')
    expect(roughStem('bus')).toBe('bus') // too short to strip
  })

  it('[rec:SG1] calls a decision similar when it shares two of the proposal’s words', () => {
    const decision = aboutText({
      title: 'No deploys on Fridays',
      context: 'Weekend incidents',
      decision: 'We deploy Monday to Thursday.',
      rationale: '',
      tags: ['release'],
      options: [{ title: 'Freeze', pros: '', cons: '' }],
    })
    const similar = (text: string) => resemblance(searchTerms(text, 3), decision)
    expect(similar('Deploying on Friday afternoons again')).toEqual({
      shared: ['deploying', 'friday'],
      similar: true,
    })
    expect(similar('Allow Friday deployments').shared).toEqual(['friday', 'deployments'])
    expect(similar('A Friday team lunch')).toEqual({ shared: ['friday'], similar: false })
    expect(similar('Move the ledger to PostgreSQL')).toEqual({ shared: [], similar: false })
    expect(resemblance(searchTerms('Deploys', 3), decision).similar).toBe(true)
    expect(resemblance([], decision).similar).toBe(false)
  })
})

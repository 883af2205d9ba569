import { lint } from 'markdownlint/sync'
import { describe, expect, it } from 'vitest'
import type { DecisionRecord } from '../model.js'
import { decision, decisionRecordOf, hostileDecisionRecord } from '../testing/fixtures.js'
import { madrMarkdown } from './madr.js'

/**
 * MADR's own markdownlint configuration (`template/.markdownlint.yml` in adr/madr, MADR 4): every
 * default rule, with any line length, repeated headings, and punctuation at a heading's end.
 */
const madrConfig = {
  default: true,
  MD013: false,
  MD024: false,
  MD026: { punctuation: '.,;:!?' },
}

function problems(markdown: string): string[] {
  const results = lint({ strings: { record: markdown }, config: madrConfig })
  return (results.record ?? []).map(
    (problem) =>
      `line ${problem.lineNumber}: ${problem.ruleNames.join('/')} ${problem.ruleDescription}`,
  )
}

const record = decisionRecordOf(decision)

const records: Record<string, DecisionRecord> = {
  accepted: record,
  'superseded, linked to its successor': {
    ...record,
    status: 'superseded',
    supersededBy: 'DR-20',
  },
  proposed: { ...record, status: 'proposed', commitments: [], history: [] },
  'no options, drivers or stances': {
    ...record,
    options: [],
    chosenOption: null,
    drivers: [],
    stances: [],
    dissent: [],
    commitments: [],
    tags: [],
  },
  'every text hostile': hostileDecisionRecord(),
}

describe('MADR files pass MADR’s markdownlint configuration', () => {
  for (const [name, each] of Object.entries(records)) {
    it(`[rec:RN2] ${name}`, () => {
      const related = [{ id: 'DR-20', number: 20, title: 'Move the ledger to CockroachDB' }]
      expect(problems(madrMarkdown(each, { related }))).toEqual([])
    })
  }

  it('[rec:RN2] the check itself catches mixed list markers (MD004)', () => {
    expect(problems('# Title\n\n* one\n\n## Section\n\n- two\n').join()).toContain('MD004')
  })
})

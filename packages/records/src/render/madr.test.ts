import { describe, expect, it } from 'vitest'
import {
  decision,
  decisionRecordOf,
  hostileDecisionRecord as hostileRecord,
} from '../testing/fixtures.js'
import { readFrontMatter } from '../testing/front-matter.js'
import { expectGolden } from '../testing/golden.js'
import { withoutWebAutolinks } from '../testing/hostile.js'
import { madrMarkdown } from './madr.js'

const record = decisionRecordOf(decision)

describe('decision record (MADR)', () => {
  it('[rec:RN2] matches its golden file', () => {
    expectGolden('decision-madr.md', madrMarkdown(record))
  })

  it('[rec:RN2] hostile text: matches its golden file', () => {
    expectGolden('hostile-decision-madr.md', madrMarkdown(hostileRecord()))
  })

  it('[rec:RN2] has MADR front matter, title and sections, in MADR’s order', () => {
    const { data, body } = readFrontMatter(madrMarkdown(record))
    expect(data).toEqual({
      status: 'accepted',
      date: '2025-03-14',
      'decision-makers': ['Ada'],
      deciders: ['Ada'],
      consulted: ['Bo', 'Cy'],
      informed: ['Finance'],
      tags: ['ledger', 'database'],
    })
    const headings = body.split('\n').filter((line) => /^#{1,3} /.test(line))
    expect(headings).toEqual([
      '# Primary database for the ledger',
      '## Context and Problem Statement',
      '## Decision Drivers',
      '## Considered Options',
      '## Decision Outcome',
      '### Consequences',
      '## Pros and Cons of the Options',
      '### PostgreSQL',
      '### CockroachDB',
      '### Stay on SQLite',
      '## More Information',
      '### Participants',
      '### Stances',
      '### Dissent',
      '### Commitments',
      '### Ledger',
      '### Status history',
    ])
    expect(body).toContain(
      'Chosen option: "PostgreSQL", because it is the only option the team can operate today',
    )
    expect(body).toContain('* **Supersedes:** DR-3')
    expect(body).toContain('board [/b/room-disagree-and-commit](/b/room-disagree-and-commit)')
  })

  it('[rec:RN2] writes the metadata list log4brains reads after the title', () => {
    const markdown = madrMarkdown({ ...record, status: 'superseded', supersededBy: 'DR-20' })
    expect(markdown).toContain(
      '# Primary database for the ledger\n\n* Status: superseded by DR-20\n* Date: 2025-03-14\n* Deciders: Ada\n* Tags: ledger, database\n\n## Context',
    )
    expect(readFrontMatter(markdown).data.status).toBe('superseded by DR-20')
    expect(markdown).toContain('* **Superseded by:** DR-20')
  })

  it('[rec:RN2][rec:RN6] links the records it names by their MADR files, as ADR tools follow them', () => {
    const markdown = madrMarkdown(
      { ...record, status: 'superseded', supersededBy: 'DR-20' },
      {
        related: [
          { id: 'DR-20', number: 20, title: 'Move the ledger to CockroachDB' },
          { id: 'DR-3', number: 3, title: 'Keep SQLite' },
        ],
      },
    )
    expect(readFrontMatter(markdown).data.status).toBe(
      'superseded by [DR-20](0020-move-the-ledger-to-cockroachdb.md)',
    )
    expect(markdown).toContain(
      '* Status: superseded by [DR-20](0020-move-the-ledger-to-cockroachdb.md)\n',
    )
    expect(markdown).toContain(
      '* **Superseded by:** [DR-20](0020-move-the-ledger-to-cockroachdb.md)',
    )
    expect(markdown).toContain('* **Supersedes:** [DR-3](0003-keep-sqlite.md)')
  })

  it('[rec:RN2] log4brains splits tags at spaces and commas: each tag stays one', () => {
    const markdown = madrMarkdown({ ...record, tags: ['data platform', 'ops, infra'] })
    expect(markdown).toContain('* Tags: data-platform, ops-infra\n')
    expect(readFrontMatter(markdown).data.tags).toEqual(['data platform', 'ops, infra'])
  })

  it('[rec:RN2] hostile text: the front matter stays one flat mapping with the values given', () => {
    const evil = hostileRecord()
    const markdown = madrMarkdown(evil)
    const { data, body } = readFrontMatter(markdown)
    expect(data).toEqual({
      status: 'accepted',
      date: evil.date,
      'decision-makers': evil.decisionMakers,
      deciders: evil.decisionMakers,
      consulted: evil.consulted,
      informed: evil.informed,
      tags: evil.tags,
    })
    // Two fences, around the seven fields and the blank line; none in the body.
    const lines = markdown.split('\n')
    expect(lines.flatMap((line, i) => (line === '---' ? [i] : []))).toEqual([0, 9])
    expect(body.split('\n').filter((line) => /^(-{3,}|\.{3})\s*$/.test(line))).toEqual([])
    // One H1, and only the sections MADR and Accord write.
    const headings = body.split('\n').filter((line) => /^ {0,3}#/.test(line))
    expect(headings.filter((line) => line.startsWith('# '))).toHaveLength(1)
    expect(headings.every((line) => /^#{1,3} \S/.test(line))).toBe(true)
    expect(withoutWebAutolinks(markdown)).not.toMatch(/[<>]/)
  })
})

import { readResult, type WorkshopResult } from '@accord/templates'
import { describe, expect, it } from 'vitest'
import { type FixtureName, metaOf, results } from '../testing/fixtures.js'
import { expectGolden } from '../testing/golden.js'
import { hostile, withoutWebAutolinks } from '../testing/hostile.js'
import { workshopMarkdown } from './summary-markdown.js'

const goldenNames: Record<FixtureName, string> = {
  retro: 'retro',
  preMortem: 'pre-mortem',
  empathyMap: 'empathy-map',
  decision: 'decision',
  anonymousDecision: 'decision-anonymous',
  blank: 'blank',
}
const fixtures = Object.entries(results) as [FixtureName, WorkshopResult][]

/** A Markdown file's block structure: the kind of every line that opens or continues a block. */
function skeleton(markdown: string): string[] {
  return markdown
    .split('\n')
    .map((line) =>
      /^#{1,6} /.test(line)
        ? `h${line.indexOf(' ')}`
        : /^\s*[-*] /.test(line)
          ? 'item'
          : /^\|/.test(line)
            ? `row${line.split(/(?<!\\)\|/).length}`
            : /^>/.test(line)
              ? 'quote'
              : null,
    )
    .filter((kind): kind is string => kind !== null)
}

describe('workshop summary (Markdown)', () => {
  it.each(fixtures)('[rec:RN1] %s: matches its golden file', (name, result) => {
    expectGolden(`${goldenNames[name]}-summary.md`, workshopMarkdown(result, metaOf(result)))
  })

  it.each(fixtures)('[rec:RN1] %s, hostile text: matches its golden file', (name, result) => {
    const evil = hostile(result)
    const meta = { ...metaOf(evil), roomId: 'room/../../<x>?"' }
    expectGolden(`hostile-${goldenNames[name]}-summary.md`, workshopMarkdown(evil, meta))
  })

  it.each(fixtures)('[rec:RN1] %s, hostile text: adds no structure of its own', (_, result) => {
    const evil = hostile(result)
    const plain = workshopMarkdown(result, metaOf(result))
    const markdown = workshopMarkdown(evil, metaOf(evil))
    expect(skeleton(markdown)).toEqual(skeleton(plain))
    expect(markdown).not.toMatch(/<script/i)
    expect(withoutWebAutolinks(markdown.replace(/<br>/g, ''))).not.toMatch(/[<>]/)
    // The only links are Accord's own, to boards.
    for (const [, target] of markdown.matchAll(/(?<!\\)\]\(([^)]*)\)/g))
      expect(target).toMatch(/^\/b\//)
  })

  it('[rec:RN1] links to the board with the room id encoded', () => {
    const meta = { ...metaOf(results.blank), roomId: 'a/b c?<d>(e)' }
    expect(workshopMarkdown(results.blank, meta)).toContain(
      '[/b/a%2Fb%20c%3F%3Cd%3E%28e%29](/b/a%2Fb%20c%3F%3Cd%3E%28e%29)',
    )
  })

  it('[rec:RN1] says a workshop that has not closed is not closed yet', () => {
    const markdown = workshopMarkdown(results.retro, metaOf(results.retro, null))
    expect(markdown).toContain('- **Date:** not closed yet')
  })

  it('[rec:RN1] shows anonymous dissent as Anonymous, in the dissenters’ words', () => {
    const markdown = workshopMarkdown(results.anonymousDecision, metaOf(results.anonymousDecision))
    expect(markdown).toContain('- **Anonymous** (Block): Support needs cover on Fridays')
    expect(markdown).toContain('**Not committed yet:** Ada, Bo, Cy')
  })

  it('[rec:RN1] shows a decision’s drivers and consequences only when it has them', () => {
    const { decision } = results
    const markdown = workshopMarkdown(decision, metaOf(decision))
    expect(markdown).toContain(
      '## Decision drivers\n\n- Month-end writes must finish within the hour\n- Two people can operate it\n\n## Options considered',
    )
    expect(markdown).toContain(
      '### Consequences\n\nGood: month-end closes in minutes.\\\nBad: we take on running PostgreSQL, including upgrades.\n\n### Accepted over a block\n\nBo’s block is heard: we review scaling out when the ledger doubles.\n\n## Stances',
    )
    const without = {
      ...decision,
      proposal: decision.proposal && { ...decision.proposal, drivers: [' '] },
      decision: decision.decision && { ...decision.decision, consequences: '' },
    }
    const plain = workshopMarkdown(without, metaOf(without))
    expect(plain).not.toContain('Decision drivers')
    expect(plain).not.toContain('Consequences')
  })

  it('[rec:RN1] gives a result it cannot read (a template it does not know) a header and says so', () => {
    const result = readResult({ template: 'lean-coffee', title: 'Lean coffee', actions: [] })
    if (result.readable) throw new Error('lean-coffee is not a template')
    expect(workshopMarkdown(result, metaOf(result))).toBe(
      [
        '# Lean coffee',
        '',
        '- **Template:** lean-coffee',
        '- **Date:** 2025-03-14 (closed)',
        '- **Board:** [/b/room-lean-coffee](/b/room-lean-coffee)',
        '- **Participants:** _Nobody yet._',
        '',
        '## Result',
        '',
        'This result could not be read (unknown template "lean-coffee").',
        '',
      ].join('\n'),
    )
  })
})

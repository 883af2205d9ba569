// @ts-check
import { describe, expect, it } from 'vitest'
import {
  checkIds,
  citationsIn,
  definitionsIn,
  oldCitationsIn,
  problems,
  readTree,
  repoRoot,
} from './spec-ids.mjs'

const facSpec = {
  path: 'packages/facilitation/SPEC.md',
  text: [
    '# @accord/facilitation — rules',
    '',
    '## Votes',
    '',
    '- **fac:V1** Checks a vote’s setup.',
    '- **fac:V2** Nobody exceeds their dots,',
    '  nor the per-item cap (see fac:V1).',
    '- **fac:V1** Defined a second time.',
  ].join('\n'),
}
const syncSpec = {
  path: 'packages/sync/SPEC.md',
  text: '- **sync:X7** Sizes.\n- **sync:B2** Bound.\n- **fac:V2** Not sync’s to define.\n',
}
const votesTest = {
  path: 'packages/facilitation/src/votes.test.ts',
  text: [
    "it('[fac:V2] a 4th dot is refused', () => {})",
    "it('[fac:V9] a rule nobody wrote down', () => {})",
    '/** [sync:X7][sync:B2] two citations at once */',
    "it('[V2] the old form', () => {})",
    'const cell = rows[0] // an index is no citation',
  ].join('\n'),
}

describe('reading SPECs and citations', () => {
  it('finds each definition with its line, whatever follows it', () => {
    expect(definitionsIn(facSpec)).toEqual([
      { id: 'fac:V1', path: facSpec.path, line: 5 },
      { id: 'fac:V2', path: facSpec.path, line: 6 },
      { id: 'fac:V1', path: facSpec.path, line: 8 },
    ])
    expect(definitionsIn({ path: 'x/SPEC.md', text: '- **P1** old form\n' })).toEqual([
      { id: 'P1', path: 'x/SPEC.md', line: 1 },
    ])
  })

  it('finds every citation, several in a row included, and the old form apart', () => {
    expect(citationsIn(votesTest).map((place) => `${place.id}@${place.line}`)).toEqual([
      'fac:V2@1',
      'fac:V9@2',
      'sync:X7@3',
      'sync:B2@3',
    ])
    expect(oldCitationsIn(votesTest)).toEqual([{ id: 'V2', path: votesTest.path, line: 4 }])
  })
})

describe('checking citations against definitions', () => {
  const report = checkIds({ specs: [facSpec, syncSpec], sources: [votesTest] })

  it('reports an id defined twice, in one SPEC or in two', () => {
    expect(report.duplicate.map((place) => `${place.id} ${place.path}:${place.line}`)).toEqual([
      'fac:V1 packages/facilitation/SPEC.md:8',
      'fac:V2 packages/sync/SPEC.md:3',
    ])
  })

  it('reports a citation of an id no SPEC defines', () => {
    expect(report.undefined).toEqual([{ id: 'fac:V9', path: votesTest.path, line: 2 }])
  })

  it('reports a citation without a prefix, and a definition without one', () => {
    expect(report.unprefixed).toEqual([{ id: 'V2', path: votesTest.path, line: 4 }])
    const old = checkIds({
      specs: [{ path: 'packages/sync/SPEC.md', text: '- **P1** x' }],
      sources: [],
    })
    expect(old.unprefixed).toEqual([{ id: 'P1', path: 'packages/sync/SPEC.md', line: 1 }])
  })

  it('reports an id defined in another package’s SPEC', () => {
    expect(report.misplaced).toEqual([{ id: 'fac:V2', path: syncSpec.path, line: 3 }])
  })

  it('says each problem on one line, with where it is', () => {
    expect(problems(report)).toEqual([
      'packages/facilitation/src/votes.test.ts:2 fac:V9: cited, but no SPEC.md defines it',
      'packages/facilitation/SPEC.md:8 fac:V1: defined again (first in packages/facilitation/SPEC.md:5)',
      'packages/sync/SPEC.md:3 fac:V2: defined again (first in packages/facilitation/SPEC.md:6)',
      'packages/facilitation/src/votes.test.ts:4 V2: has no prefix: write [<prefix>:V2], the prefix one of sync, srv, fac, tpl, rec, tly, web, db, wsp',
      'packages/sync/SPEC.md:3 fac:V2: belongs in packages/facilitation/SPEC.md',
    ])
  })

  it('finds nothing wrong when every citation is defined once', () => {
    const clean = checkIds({
      specs: [{ path: 'packages/facilitation/SPEC.md', text: '- **fac:V2** x\n' }],
      sources: [{ path: 'apps/server/src/app.test.ts', text: "it('[fac:V2] y', () => {})" }],
    })
    expect(problems(clean)).toEqual([])
    expect(clean.cited.get('fac:V2')).toHaveLength(1)
  })
})

describe('the repository', () => {
  const tree = readTree(repoRoot)

  it('reads every SPEC.md and the sources that cite them', () => {
    const specs = tree.specs.map((spec) => spec.path)
    expect(specs).toContain('packages/sync/SPEC.md')
    expect(specs).toContain('apps/server/SPEC.md')
    expect(specs.some((path) => path.includes('node_modules'))).toBe(false)
    expect(tree.sources.some((file) => file.path.endsWith('.test.ts'))).toBe(true)
    expect(tree.sources.some((file) => /(^|\/)(node_modules|dist)\//.test(file.path))).toBe(false)
  })

  it('every cited id is defined in exactly one SPEC.md, its package’s, and every citation is prefixed', () => {
    expect(problems(checkIds(tree))).toEqual([])
  })
})

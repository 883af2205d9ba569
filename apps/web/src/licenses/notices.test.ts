import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseNotices } from './notices'

const notices = [
  '# Third-party notices',
  '',
  'Accord is MIT-licensed.',
  '',
  '## Packages',
  '',
  '| Package | Version | Licence |',
  '| --- | --- | --- |',
  '| @tldraw/editor | 3.15.6 | LicenseRef-tldraw-3.x |',
  '| odd\\|name | 1.0.0 | (MIT OR Apache-2.0) |',
  '',
  '## The tldraw licence',
  '',
  'Applies to `@tldraw/editor` 3.15.6. Its text, verbatim:',
  '',
  '````markdown',
  '# tldraw license',
  '',
  '## Conditions',
  '',
  '- Not to disable, hide, remove, or alter the Watermark.',
  '````',
  '',
  '## Licence texts',
  '',
  '### @tldraw/editor 3.15.6',
  '',
].join('\n')

describe('the notices, for the licences page', () => {
  it('lists every package with its version and licence', () => {
    expect(parseNotices(notices).packages).toEqual([
      { name: '@tldraw/editor', version: '3.15.6', license: 'LicenseRef-tldraw-3.x' },
      { name: 'odd|name', version: '1.0.0', license: '(MIT OR Apache-2.0)' },
    ])
  })

  it('gives tldraw’s licence verbatim', () => {
    expect(parseNotices(notices).tldrawLicense).toBe(
      '# tldraw license\n\n## Conditions\n\n- Not to disable, hide, remove, or alter the Watermark.',
    )
  })

  it('reads nothing from something else', () => {
    expect(parseNotices('<!doctype html><html></html>')).toEqual({
      packages: [],
      tldrawLicense: null,
    })
  })
})

describe('the repository’s own notices', () => {
  const read = (path: string) =>
    readFileSync(new URL(`../../../../${path}`, import.meta.url), 'utf8')

  it('carry tldraw’s licence verbatim and list the tldraw SDK under it', () => {
    const notices = parseNotices(read('THIRD-PARTY-NOTICES.md'))
    expect(notices.tldrawLicense).toBe(read('third-party/tldraw-license-3.x.md').trimEnd())
    expect(notices.packages).toContainEqual(
      expect.objectContaining({ name: 'tldraw', license: 'LicenseRef-tldraw-3.x' }),
    )
    expect(notices.packages.length).toBeGreaterThan(100)
  })
})

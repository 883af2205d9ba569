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
      '# tldraw license\n\n- Not to disable, hide, remove, or alter the Watermark.',
    )
  })

  it('reads nothing from something else', () => {
    expect(parseNotices('<!doctype html><html></html>')).toEqual({
      packages: [],
      tldrawLicense: null,
    })
  })
})

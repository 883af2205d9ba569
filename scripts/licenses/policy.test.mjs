// @ts-check
import { describe, expect, it } from 'vitest'
import { licenseFor, renderNotices, TLDRAW_LICENSE, violations } from './policy.mjs'

/** @param {string} name @param {string} license @param {string} [version] */
const pkg = (name, license, version = '1.0.0') => ({ name, version, license })

describe('which licences Accord may ship', () => {
  it('allows the permissive licences of the allow-list, and expressions made of them', () => {
    for (const license of [
      'MIT',
      'ISC',
      'BSD-2-Clause',
      'BSD-3-Clause',
      'Apache-2.0',
      '0BSD',
      'BlueOak-1.0.0',
      'CC0-1.0',
      '(MIT OR WTFPL)',
      '(BSD-2-Clause OR MIT OR Apache-2.0)',
      '(MIT AND ISC)',
    ])
      expect(violations([pkg('some-package', license)]), license).toEqual([])
  })

  it('refuses a copyleft or unknown licence, naming the package', () => {
    expect(violations([pkg('copyleft', 'GPL-3.0-only'), pkg('fine', 'MIT')])).toEqual([
      'copyleft@1.0.0: "GPL-3.0-only" is not in the allow-list',
    ])
    expect(violations([pkg('strong', 'AGPL-3.0-or-later')])).toHaveLength(1)
    expect(violations([pkg('weak', 'LGPL-2.1-only')])).toHaveLength(1)
    expect(violations([pkg('both', '(MIT AND GPL-2.0-only)')])).toHaveLength(1)
    expect(violations([pkg('either', '(GPL-2.0-only OR MIT)')])).toEqual([])
  })

  it('refuses what is not an SPDX expression', () => {
    expect(violations([pkg('odd', 'Unknown')])).toEqual([
      'odd@1.0.0: "Unknown" is not an SPDX licence expression',
    ])
    expect(violations([pkg('custom', 'SEE LICENSE IN LICENSE.md')])).toHaveLength(1)
  })

  it('takes tldraw’s own licence for the tldraw SDK on the 3.x line only', () => {
    const tldraw3 = pkg('tldraw', 'SEE LICENSE IN LICENSE.md', '3.15.6')
    expect(licenseFor(tldraw3)).toEqual({ ok: true, license: TLDRAW_LICENSE })
    expect(licenseFor(pkg('@tldraw/editor', 'SEE LICENSE IN LICENSE.md', '3.15.6')).ok).toBe(true)
    // From 4.0 tldraw's licence forbids production use without a key.
    expect(violations([pkg('tldraw', 'SEE LICENSE IN LICENSE.md', '4.0.0')])).toHaveLength(1)
    // The same words on any other package are not tldraw's licence.
    expect(violations([pkg('not-tldraw', 'SEE LICENSE IN LICENSE.md', '3.15.6')])).toHaveLength(1)
  })

  it('takes the PSF licence for argparse only', () => {
    expect(violations([pkg('argparse', 'Python-2.0', '2.0.1')])).toEqual([])
    expect(violations([pkg('other', 'Python-2.0')])).toHaveLength(1)
  })
})

describe('the notices', () => {
  const entries = [
    { pkg: pkg('zeta', 'MIT'), texts: [{ file: 'LICENSE', text: 'MIT text of zeta\n' }] },
    { pkg: pkg('tldraw', 'SEE LICENSE IN LICENSE.md', '3.15.6'), texts: [] },
    { pkg: pkg('alpha|pipe', 'ISC'), texts: [{ file: 'LICENSE.md', text: 'ISC text' }] },
  ]

  it('list every package sorted, its licence, tldraw’s licence verbatim and each text', () => {
    const notices = renderNotices(entries, '# tldraw license\n\nVerbatim words.\n')
    expect(notices).toContain('| alpha\\|pipe | 1.0.0 | ISC |')
    expect(notices).toContain(`| tldraw | 3.15.6 | ${TLDRAW_LICENSE} |`)
    expect(notices.indexOf('alpha')).toBeLessThan(notices.indexOf('| zeta'))
    expect(notices).toContain('````markdown\n# tldraw license\n\nVerbatim words.\n````')
    expect(notices).toContain('Applies to `tldraw` 3.15.6')
    expect(notices).toContain('### zeta 1.0.0\n\n`LICENSE`:\n\n````text\nMIT text of zeta\n````')
  })

  it('are the same for the same packages in any order', () => {
    expect(renderNotices([...entries].reverse(), 'x')).toBe(renderNotices(entries, 'x'))
  })
})

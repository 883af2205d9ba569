/**
 * YAML scalars for front matter, written so that no value can end the mapping: every string is
 * double-quoted on one line, with YAML's escapes for the quote, the backslash, line breaks (also
 * NEL, LS and PS, which YAML 1.1 reads as breaks) and any character outside YAML's printable set.
 * Lists are flow sequences (`["a", "b"]`), one line each, so no line of front matter can start a
 * Markdown list either.
 *
 * A Markdown renderer that does not know front matter shows it as a paragraph, so `<`, `>`, `&`,
 * `[` and `]` are written as `\x` escapes too: YAML reads the same text, and that paragraph holds
 * no HTML, entity or link.
 */

const named: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '"': '\\"',
  '\0': '\\0',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
  '\u0085': '\\u0085',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
  '<': '\\x3C',
  '>': '\\x3E',
  '&': '\\x26',
  '[': '\\x5B',
  ']': '\\x5D',
}

/** Bidi embeddings, overrides and isolates: kept, but escaped, so they reorder nothing shown. */
const bidi = (code: number) =>
  (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)

/** YAML 1.2's printable characters, less the BOM and surrogates. */
const printable = (code: number) =>
  (code >= 0x20 && code <= 0x7e) ||
  (code >= 0xa0 && code <= 0xd7ff && !bidi(code)) ||
  (code >= 0xe000 && code <= 0xfffd && code !== 0xfeff) ||
  code >= 0x10000

const hex = (code: number, width: number) => code.toString(16).toUpperCase().padStart(width, '0')

/** [rec:YM1] A YAML double-quoted scalar on one line. A lone surrogate becomes U+FFFD. */
export function yamlString(text: string): string {
  let out = ''
  for (const char of text) {
    const code = char.codePointAt(0) as number
    const escape = named[char]
    if (escape !== undefined) out += escape
    else if (code >= 0xd800 && code <= 0xdfff) out += '\uFFFD'
    else if (printable(code)) out += char
    else out += code <= 0xff ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`
  }
  return `"${out}"`
}

/** [rec:YM2] A YAML flow sequence of strings, on one line. */
export function yamlList(items: readonly string[]): string {
  return `[${items.map(yamlString).join(', ')}]`
}

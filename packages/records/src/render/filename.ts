/**
 * [rec:RN5] A file name for a download, from a title people chose: safe on every common file system
 * and in a `Content-Disposition` header once encoded.
 *
 * - Letters, marks and digits of any script are kept, and `_`, `-`, `.`, `(`, `)`.
 * - Anything else — path separators, Windows' reserved `< > : " / \ | ? *`, control and
 *   formatting characters (bidi overrides that could fake an extension), emoji, spaces — becomes
 *   a single `-` between words.
 * - No leading dot (a hidden file) or dash (an option), no trailing dot or dash (Windows drops
 *   dots, and a dash reads as a cut).
 * - Windows' reserved device names (`CON`, `PRN`, `AUX`, `NUL`, `COM1`–`COM9`, `LPT1`–`LPT9`,
 *   whatever the case or extension) get a `_` after the name, so they name a file.
 * - At most 80 characters (whole grapheme clusters, so no accent or emoji is cut in half) and 200
 *   UTF-8 bytes before the extension, well inside the usual 255-byte limit.
 * - Nothing left: `workshop`.
 *
 * The extension is reduced to ASCII letters and digits (`.md` and `md` both give `md`).
 */

const MAX_CHARACTERS = 80
const MAX_BYTES = 200
const FALLBACK = 'workshop'
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i
const NOT_KEPT = /[^\p{L}\p{M}\p{N}_\-.()]+/gu

export function exportFileName(title: string, extension: string): string {
  const ext = extension.replace(/[^A-Za-z0-9]/g, '').slice(0, 10)
  const base = bounded(
    title
      .normalize('NFC')
      .replace(NOT_KEPT, '-')
      .replace(/-{2,}/g, '-')
      .replace(/^[-.]+|[-.]+$/g, ''),
  ).replace(/[-.]+$/, '')
  const name = base === '' ? FALLBACK : base.replace(RESERVED, '$1_$2')
  return ext === '' ? name : `${name}.${ext}`
}

/** The longest run of whole grapheme clusters within both limits. */
function bounded(text: string): string {
  let out = ''
  let count = 0
  let bytes = 0
  for (const { segment } of new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)) {
    bytes += utf8Length(segment)
    count += 1
    if (count > MAX_CHARACTERS || bytes > MAX_BYTES) break
    out += segment
  }
  return out
}

function utf8Length(text: string): number {
  let bytes = 0
  for (const char of text) {
    const code = char.codePointAt(0) as number
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4
  }
  return bytes
}

/**
 * Reads the YAML front matter of a Markdown file back, strictly, for tests: it must be one flat
 * mapping between two `---` lines, each entry `key: value` on one line, a value a double-quoted
 * string, a flow list of them, or a plain YYYY-MM-DD date. Anything else — a second document, a
 * nested mapping, a duplicate key, a raw control character — throws.
 */
export type FrontMatter = Record<string, string | string[]>

export function readFrontMatter(markdown: string): { data: FrontMatter; body: string } {
  const lines = markdown.split('\n')
  if (lines[0] !== '---') throw new Error('no front matter')
  const end = lines.indexOf('---', 1)
  if (end < 0) throw new Error('front matter not closed')
  const data: FrontMatter = {}
  for (const line of lines.slice(1, end)) {
    if (line === '') continue
    const match = /^([a-z][a-z-]*): (.*)$/.exec(line)
    if (!match) throw new Error(`not a key: value line: ${JSON.stringify(line)}`)
    const [, key, raw] = match as unknown as [string, string, string]
    if (Object.hasOwn(data, key)) throw new Error(`duplicate key ${key}`)
    data[key] = value(raw)
  }
  return { data, body: lines.slice(end + 1).join('\n') }
}

function value(raw: string): string | string[] {
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) return raw
  if (raw.startsWith('[')) {
    const items: string[] = []
    let rest = raw.slice(1)
    while (!rest.startsWith(']')) {
      const [item, after] = quoted(rest)
      items.push(item)
      rest = after.startsWith(', ') ? after.slice(2) : after
      if (rest === '') throw new Error(`unterminated list: ${raw}`)
    }
    if (rest !== ']') throw new Error(`text after a list: ${raw}`)
    return items
  }
  const [text, after] = quoted(raw)
  if (after !== '') throw new Error(`text after a string: ${raw}`)
  return text
}

const simple: Readonly<Record<string, string>> = {
  '0': '\0',
  t: '\t',
  n: '\n',
  r: '\r',
  '"': '"',
  '\\': '\\',
  '/': '/',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
}

/** A YAML double-quoted scalar at the start of `text`, and what follows it. */
function quoted(text: string): [string, string] {
  if (!text.startsWith('"')) throw new Error(`not a double-quoted string: ${text}`)
  let out = ''
  let i = 1
  while (i < text.length && text[i] !== '"') {
    const char = text[i] as string
    if (char.charCodeAt(0) < 0x20 && char !== '\t') throw new Error('raw control character')
    if (char !== '\\') {
      out += char
      i += 1
      continue
    }
    const code = text[i + 1] as string
    const width = code === 'x' ? 2 : code === 'u' ? 4 : code === 'U' ? 8 : 0
    if (width > 0) {
      out += String.fromCodePoint(parseInt(text.slice(i + 2, i + 2 + width), 16))
      i += 2 + width
    } else if (simple[code] !== undefined) {
      out += simple[code]
      i += 2
    } else throw new Error(`unknown escape \\${code}`)
  }
  if (i >= text.length) throw new Error(`unterminated string: ${text}`)
  return [out, text.slice(i + 1)]
}

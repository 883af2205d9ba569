/**
 * The file name a download's `content-disposition` header gives (RFC 6266): the UTF-8
 * `filename*` when present and readable, else the plain `filename`. Reduced to a bare file name —
 * no directories, no control characters — since it names a file on the person's disk.
 */
export function fileNameFromDisposition(header: string | null | undefined): string | null {
  if (!header) return null
  const parameters = dispositionParameters(header)
  const extended = parameters.get('filename*')
  const decoded = extended === undefined ? null : decodeExtended(extended)
  return safeFileName(decoded) ?? safeFileName(parameters.get('filename') ?? null)
}

/** `name=value` parameters after the disposition type, names lower-cased, quotes undone. */
function dispositionParameters(header: string): Map<string, string> {
  const parameters = new Map<string, string>()
  const pattern = /;\s*([^\s=;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g
  for (const match of header.matchAll(pattern)) {
    const name = (match[1] ?? '').toLowerCase()
    const raw = (match[2] ?? '').trim()
    const value = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw
    if (!parameters.has(name)) parameters.set(name, value)
  }
  return parameters
}

/** RFC 8187: `charset'language'percent-encoded`; UTF-8 and ISO-8859-1 are read. */
function decodeExtended(value: string): string | null {
  const match = /^([\w!#$%&+^`{}~-]*)'[\w-]*'(.*)$/.exec(value)
  if (!match) return null
  const charset = (match[1] ?? '').toLowerCase()
  const encoded = match[2] ?? ''
  try {
    if (charset === 'utf-8') return decodeURIComponent(encoded)
    if (charset === 'iso-8859-1') {
      return encoded.replace(/%([0-9a-f]{2})/gi, (_, hex: string) =>
        String.fromCharCode(parseInt(hex, 16)),
      )
    }
  } catch {
    return null
  }
  return null
}

/** The last path segment without control characters; null when nothing usable is left. */
export function safeFileName(name: string | null): string | null {
  if (name === null) return null
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[/\\]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim()
  return base === '' || base === '.' || base === '..' ? null : base
}

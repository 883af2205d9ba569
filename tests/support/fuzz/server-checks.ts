/** Looks at a server after a fuzz run: its refusal counters and what it wrote to its output. */

/** `accord_refusals_total` by reason, from `/metrics` (open while no access key is set). */
export async function refusalCounts(server: { url: string }): Promise<Map<string, number>> {
  const response = await fetch(`${server.url}/metrics`)
  if (response.status !== 200) throw new Error(`/metrics answered ${response.status}`)
  const counts = new Map<string, number>()
  for (const line of (await response.text()).split('\n')) {
    const match = /^accord_refusals_total\{reason="([a-z_]+)"\} (\d+(?:\.\d+)?)$/.exec(line)
    if (match) counts.set(match[1]!, Number(match[2]))
  }
  return counts
}

/**
 * What betrays a failure the server did not handle: output that is not one of its JSON log lines
 * or its start-up banner (an uncaught error, shown with its first two stack frames), and
 * error-level log lines (a room broken, an update that failed half-way, storage failing).
 * Repeats are counted rather than listed.
 */
export function troubleIn(output: readonly string[]): string[] {
  const found: string[] = []
  let frames = 0
  for (const line of output) {
    if (/^\s+at /.test(line)) {
      if (frames++ < 2 && found.length > 0) found[found.length - 1] += ` ${line.trim()}`
      continue
    }
    frames = 0
    if (/^\s*Accord is running at /.test(line)) continue
    if (!line.startsWith('{')) found.push(line)
    else if (line.includes('"level":"error"')) found.push(withoutTime(line))
  }
  const counts = new Map<string, number>()
  for (const line of found) counts.set(line, (counts.get(line) ?? 0) + 1)
  return [...counts].map(([line, count]) => (count > 1 ? `${line} (${count} times)` : line))
}

function withoutTime(line: string): string {
  try {
    const { time: _time, ...rest } = JSON.parse(line) as Record<string, unknown>
    return JSON.stringify(rest)
  } catch {
    return line
  }
}

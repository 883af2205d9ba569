/**
 * p99 latency against N, one panel per scenario family, one line per server, on a log scale
 * (servers can differ by orders of magnitude). Plain SVG, no chart library.
 */
import type { ServerKind } from '../load/job.js'
import { type Family, familyTitles } from '../scenarios/scenarios.js'
import { ms, serverLabels } from './format.js'
import type { BenchReport } from './report.js'

const PANEL_WIDTH = 340
const PANEL_HEIGHT = 280
const TITLE_HEIGHT = 24
const MARGIN = { top: 40 + TITLE_HEIGHT, right: 28, bottom: 44, left: 60 }
const LEGEND_HEIGHT = 28

const colors: Record<ServerKind, string> = {
  accord: '#2b8a3e',
  'y-websocket': '#1971c2',
  hocuspocus: '#e8590c',
  floor: '#868e96',
}

const shortTitles: Record<Family, string> = {
  fanout: 'Fan-out (N observers)',
  drag: 'Drag (N writers)',
  presence: 'Presence (N users)',
}

function duration(msValue: number): string {
  return msValue >= 1000 ? `${msValue / 1000} s` : `${msValue} ms`
}

function escape(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
}

function panel(report: BenchReport, family: Family, offsetX: number): string[] {
  const runs = report.runs.filter(
    (run) => run.family === family && typeof run.metrics?.p99Ms === 'number',
  )
  const ns = [...new Set(report.runs.filter((r) => r.family === family).map((r) => r.n))].sort(
    (a, b) => a - b,
  )
  const plotW = PANEL_WIDTH - MARGIN.left - MARGIN.right
  const plotH = PANEL_HEIGHT - MARGIN.top - MARGIN.bottom
  const values = runs.map((run) => run.metrics?.p99Ms as number).map((v) => Math.max(v, 0.01))
  const low = Math.floor(Math.log10(Math.min(...values, 1)))
  const high = Math.max(low + 1, Math.ceil(Math.log10(Math.max(...values, 1))))
  const x = (n: number) =>
    offsetX +
    MARGIN.left +
    (ns.length === 1 ? plotW / 2 : (ns.indexOf(n) / (ns.length - 1)) * plotW)
  const y = (value: number) =>
    MARGIN.top + plotH - ((Math.log10(Math.max(value, 0.01)) - low) / (high - low)) * plotH
  const out = [
    `<text x="${offsetX + PANEL_WIDTH / 2}" y="${TITLE_HEIGHT + 22}" text-anchor="middle" font-weight="bold">${escape(shortTitles[family])}</text>`,
    `<title>${escape(familyTitles[family])}</title>`,
  ]
  for (let decade = low; decade <= high; decade++) {
    const at = y(10 ** decade)
    out.push(
      `<line x1="${offsetX + MARGIN.left}" x2="${offsetX + MARGIN.left + plotW}" y1="${at}" y2="${at}" stroke="#ddd"/>`,
      `<text x="${offsetX + MARGIN.left - 6}" y="${at + 4}" text-anchor="end" font-size="11">${duration(10 ** decade)}</text>`,
    )
  }
  for (const n of ns) {
    out.push(
      `<text x="${x(n)}" y="${MARGIN.top + plotH + 18}" text-anchor="middle" font-size="11">${n}</text>`,
    )
  }
  out.push(
    `<text x="${offsetX + MARGIN.left + plotW / 2}" y="${PANEL_HEIGHT - 8}" text-anchor="middle" font-size="11">N</text>`,
  )
  for (const server of Object.keys(colors) as ServerKind[]) {
    const points = runs
      .filter((run) => run.server === server)
      .sort((a, b) => a.n - b.n)
      .map((run) => ({ n: run.n, p99: run.metrics?.p99Ms as number }))
    if (points.length === 0) continue
    const color = colors[server]
    if (points.length > 1) {
      const path = points.map((p) => `${x(p.n).toFixed(1)},${y(p.p99).toFixed(1)}`).join(' ')
      out.push(`<polyline points="${path}" fill="none" stroke="${color}" stroke-width="2"/>`)
    }
    // Values are in the Markdown table; here each point names its own on hover.
    for (const p of points) {
      out.push(
        `<circle cx="${x(p.n).toFixed(1)}" cy="${y(p.p99).toFixed(1)}" r="3.5" fill="${color}">` +
          `<title>${serverLabels[server]}, N=${p.n}: p99 ${ms(p.p99)} ms</title></circle>`,
      )
    }
  }
  return out
}

export function toSvg(report: BenchReport): string {
  const families = (['fanout', 'drag', 'presence'] as const).filter((family) =>
    report.runs.some((run) => run.family === family),
  )
  const width = Math.max(1, families.length) * PANEL_WIDTH
  const height = PANEL_HEIGHT + LEGEND_HEIGHT
  const legend = (Object.keys(colors) as ServerKind[])
    .filter((server) => report.runs.some((run) => run.server === server))
    .map((server, index) => {
      const lx = 16 + index * 130
      const ly = PANEL_HEIGHT + 14
      return (
        `<line x1="${lx}" x2="${lx + 20}" y1="${ly}" y2="${ly}" stroke="${colors[server]}" stroke-width="3"/>` +
        `<text x="${lx + 26}" y="${ly + 4}" font-size="12">${serverLabels[server]}</text>`
      )
    })
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="13">`,
    `<title>p99 latency against N (${escape(report.mode)}, ${escape(report.startedAt)})</title>`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="12" y="18" font-weight="bold">p99 latency against N (log scale), ${escape(report.mode)} run of ${escape(report.startedAt.slice(0, 10))}</text>`,
    ...families.flatMap((family, index) => panel(report, family, index * PANEL_WIDTH)),
    ...legend,
    '</svg>',
    '',
  ].join('\n')
}

/** Writes the report's three files into a folder; returns their paths. */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { toMarkdown } from './markdown.js'
import type { BenchReport } from './report.js'
import { toSvg } from './svg.js'

export interface ReportFiles {
  readonly markdown: string
  readonly json: string
  readonly svg: string
}

export function writeReport(report: BenchReport, dir: string): ReportFiles {
  mkdirSync(dir, { recursive: true })
  const files = {
    markdown: join(dir, 'results.md'),
    json: join(dir, 'results.json'),
    svg: join(dir, 'p99-latency.svg'),
  }
  writeFileSync(files.markdown, toMarkdown(report))
  writeFileSync(files.json, `${JSON.stringify(report, null, 2)}\n`)
  writeFileSync(files.svg, toSvg(report))
  return files
}
